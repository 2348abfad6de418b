// @mgp/core: prototype layers, the metric-guided regularizer, fixed-prototype embeddings and DeepNCM for TensorFlow.js.

// Prototype logits
export { prototypeLogits } from './logits/prototype-logits';
export { PROTOTYPE_METRICS, type PrototypeMetric, type PrototypeMetricOptions } from './logits/metric';

// Layers
export { LearntPrototypes, type LearntPrototypesArgs } from './layers/learnt-prototypes';
export { HypersphericalPrototypes, type HypersphericalPrototypesArgs, type HypersphericalScore } from './layers/hyperspherical-prototypes';

// Regularizer
export {
  MetricGuidedRegularizer,
  metricGuidedRegularizer,
  type MetricGuidedRegularizerArgs,
  type MetricGuidedRegularizerOptions,
  type GuidanceKind,
  type PrototypeDistance,
} from './regularizer/metric-guided-regularizer';
export type { Regularizer } from './regularizer/regularizer-base';

// Fixed prototypes
export { embedMetric, type EmbedMetricOptions } from './embed/embed-metric';
export { embedOnSphere, type EmbedOnSphereOptions } from './embed/embed-on-sphere';
export type { CommonEmbedOptions } from './embed/options';
export type { EmbedProgress } from './embed/sgd';

// DeepNCM
export { DeepNCM, type DeepNCMArgs } from './deepncm/deepncm';
export { deepNcmUpdate, type ClassMeans } from './deepncm/update';

// Loading saved models
export { loadMgpModel } from './io/load-mgp-model';

// The memory @mgp/metrics' WebAssembly kernels keep between steps (the regularizer's losses, the head's products on
// tfjs-cpu), given back on request: re-exported so that users of @mgp/core alone reach it.
export { kernelMemoryBytes, releaseKernelMemory } from '@mgp/metrics';
