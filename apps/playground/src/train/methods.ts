// The methods of the seed's Figure 1 (and two more), as a classifier plus the loss of one training step. Every
// prototype head, the guidance and the fixed arrangements are @mgp/core's.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  DeepNCM,
  HypersphericalPrototypes,
  LearntPrototypes,
  metricGuidedRegularizer,
  type GuidanceKind,
  type MetricGuidedRegularizer,
  type MetricGuidedRegularizerOptions,
} from '@mgp/core';
import { createRng, hypersphericalLoss, type Rng } from '@mgp/metrics';
import { metricArrangement, sphereArrangement } from '../model/arrangement';
import type { BackboneKind } from '../model/backbone';
import {
  buildClassifier,
  denseHead,
  embed,
  layerVariables,
  logitsOf,
  readPrototypes,
  trainableVariables,
  type Classifier,
  type Head,
} from '../model/classifier';

export type { GuidanceKind } from '@mgp/core';
export type MethodId = 'xe' | 'free' | 'guided' | 'fixed' | 'hyperspherical' | 'deepncm';

export const METHOD_LABELS: Record<MethodId, string> = {
  xe: 'Cross-entropy (linear classifier)',
  free: 'Free prototypes',
  guided: 'Metric-guided prototypes',
  fixed: 'Fixed prototypes (embedded from D)',
  hyperspherical: 'Hyperspherical prototypes',
  deepncm: 'DeepNCM (running class means)',
};

export interface MethodSettings {
  method: MethodId;
  guidance: GuidanceKind;
  /** λ, the weight of the guidance loss. */
  lambda: number;
  backbone: BackboneKind;
  embeddingDim: number;
  seed: number;
}

export interface MethodContext {
  inputShape: number[];
  numClasses: number;
  D: number[][];
}

/** Triplets drawn per step by the rank loss (the seed notebook's n_triplets = 10). */
export const RANK_TRIPLETS = 10;

export interface TrainableMethod {
  classifier: Classifier;
  /** The network's trainable weights (the head's dense layer included, the prototypes not). */
  networkVariables: tf.Variable[];
  /** Prototypes trained by gradients (free and guided), which get their own, faster optimizer. */
  prototypeVariables: tf.Variable[];
  /** The training loss of a batch (called inside the optimizer's gradient tape). `labels` is a CPU copy of `y`. */
  loss(x: tf.Tensor, y: tf.Tensor1D, labels: Int32Array): tf.Scalar;
  /** Logits of held-out inputs, and their embeddings (inference mode). */
  predict(x: tf.Tensor): { embeddings: tf.Tensor2D; logits: tf.Tensor2D };
  /** The prototypes [K, d] now, or null (cross-entropy has none). */
  prototypes(): Promise<number[][] | null>;
  /** Changes λ from the next step on (the page's slider acts on a running training). */
  setLambda(lambda: number): void;
  /** The metric-guided regularizer in effect now (its weight is the current λ), or null for the other methods. */
  guidance(): MetricGuidedRegularizer | null;
}

function crossEntropy(logits: tf.Tensor2D, y: tf.Tensor1D, k: number): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(tf.oneHot(y, k), logits) as tf.Scalar;
}

/** Core's metric-guided regularizer for λ; its triplets (rank loss) come from a seed drawn from `rng`. */
function guidanceFor(D: number[][], kind: GuidanceKind, lambda: number, rng: Rng): MetricGuidedRegularizer {
  const options: MetricGuidedRegularizerOptions = { kind, weight: lambda, seed: rng.nextUint32() };
  if (kind === 'rank') options.numTriplets = RANK_TRIPLETS;
  return metricGuidedRegularizer(D, options);
}

/** The head of a method, with its fixed prototypes computed from D first where it has them. */
async function headFor(settings: MethodSettings, context: MethodContext, guidance: MetricGuidedRegularizer | null): Promise<Head> {
  const { seed, embeddingDim } = settings;
  const k = context.numClasses;
  const name = 'prototypes';
  switch (settings.method) {
    case 'xe':
      return denseHead(k, seed + 100);
    case 'free':
    case 'guided':
      return new LearntPrototypes({
        numPrototypes: k,
        metric: 'euclidean',
        // Uniform on [0, 1), as the seed's torch.rand, from the run's seed.
        prototypesInitializer: tfl.initializers.randomUniform({ minval: 0, maxval: 1, seed: seed + 200 }),
        prototypesRegularizer: guidance ?? undefined,
        name,
      });
    case 'fixed':
      return new LearntPrototypes({
        initialPrototypes: await metricArrangement(context.D, embeddingDim, { seed: seed + 300 }),
        trainable: false,
        metric: 'euclidean',
        name,
      });
    case 'hyperspherical':
      return new HypersphericalPrototypes({ prototypes: await sphereArrangement(context.D, k, embeddingDim, { seed: seed + 400 }), name });
    case 'deepncm':
      // Means start at 0 (each is replaced by the first batch mean of its class).
      return new DeepNCM({ numClasses: k, initialPrototypes: Array.from({ length: k }, () => new Array<number>(embeddingDim).fill(0)), name });
  }
}

/** Builds the classifier of a method (computing fixed arrangements first) and its training loss. */
export async function createMethod(settings: MethodSettings, context: MethodContext): Promise<TrainableMethod> {
  const { method, seed } = settings;
  const k = context.numClasses;
  const rng = createRng(seed + 500);
  // Built first: core validates D for the guidance (e.g. the rank loss needs 3 classes) before any weight exists.
  let guidance = method === 'guided' ? guidanceFor(context.D, settings.guidance, settings.lambda, rng) : null;
  const head = await headFor(settings, context, guidance);
  const classifier = buildClassifier(context.inputShape, { kind: settings.backbone, embeddingDim: settings.embeddingDim, seed }, head);
  const prototypeHead = classifier.prototypeHead;
  const ncm = head instanceof DeepNCM ? head : null;
  const learnt: tf.Variable[] = head instanceof LearntPrototypes ? layerVariables(head) : [];
  // The variable of the learnt prototypes, which the guidance regularizes.
  const prototypeVariable = learnt.length === 1 ? learnt[0] : null;

  return {
    classifier,
    networkVariables: trainableVariables(classifier).filter((v) => !learnt.includes(v)),
    prototypeVariables: learnt,
    loss: (x, y, labels) =>
      tf.tidy(() => {
        const embeddings = embed(classifier, x, true);
        // DeepNCM: the batch updates the running class means (no gradient), then is scored against them.
        if (ncm) ncm.update(embeddings, labels);
        const logits = logitsOf(classifier, embeddings);
        if (method === 'hyperspherical') return hypersphericalLoss(logits, y, { reduction: 'mean' }) as tf.Scalar;
        const base = crossEntropy(logits, y, k);
        if (!guidance || !prototypeVariable || guidance.weight === 0) return base;
        return tf.add(base, guidance.apply(prototypeVariable)) as tf.Scalar;
      }),
    predict: (x) =>
      tf.tidy(() => {
        const embeddings = embed(classifier, x, false);
        return { embeddings, logits: logitsOf(classifier, embeddings) };
      }),
    setLambda: (value) => {
      if (guidance && Number.isFinite(value) && value >= 0 && value !== guidance.weight) {
        guidance = guidanceFor(context.D, settings.guidance, value, rng);
      }
    },
    guidance: () => guidance,
    prototypes: () => readPrototypes(prototypeHead),
  };
}
