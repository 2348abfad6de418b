export * from './validation';
export * from './segment';

export { pairwiseDistances, type DistanceOptions } from './distances/pairwise';
export { matMulABt, matMulAtB } from './internal/fast-matmul';
export { hostMatMul } from './simd/host-matmul';
export type { HostMatrix, HostMatMulOptions } from './simd/gemm-kernels';
export { kernelMemoryBytes, releaseKernelMemory } from './simd/kernel-memory';
export type { Metric } from './distances/metric';
export type { ClassDistance, CostSource } from './internal/cost-source';
export { createRng, samplePairs, sampleTriplets, type Rng, type SeedLike, type ClassPairs, type ClassTriplets } from './random';

export { distortion, type DistortionOptions } from './distortion/distortion';
export { optimalScale, type ScaleOptions } from './distortion/optimal-scale';
export { scaleFreeDistortion } from './distortion/scale-free';
export { distortionLoss, type DistortionLossOptions } from './distortion/loss';
export { rankLoss, type RankLossOptions } from './rank/rank-loss';
export type { TripletsInput } from './rank/triplets';

export { averageCost, mistakeSeverity, errorRate, hierarchicalDistanceAtK, type IgnoreOptions, type HdistOptions } from './cost/metrics';
export type { HdistMode } from './cost/stats';
export { bayesDecision } from './cost/bayes';
export { emdLoss, type EmdOptions } from './cost/emd';
export { softLabels, type SoftLabelOptions } from './soft-labels/targets';
export { softLabelCrossEntropy, type SoftLabelLossOptions } from './soft-labels/cross-entropy';
export { separationLoss, type SeparationOptions } from './hyperspherical/separation';
export { hypersphericalLoss, type HypersphericalLossOptions } from './hyperspherical/loss';
export {
  ErrorRateMeter,
  AverageCostMeter,
  MistakeSeverityMeter,
  HierarchicalDistanceMeter,
  type Meter,
  type MeterOptions,
  type HdistMeterOptions,
} from './meters/meters';
