// The methods of the seed's Figure 1 (and two more), as a classifier plus the loss of one training step.
import * as tf from '@tensorflow/tfjs-core';
import { createRng, distortionLoss, hypersphericalLoss, rankLoss } from '@mgp/metrics';
import { buildClassifier, embed, logitsOf, trainableVariables, type Classifier, type HeadSpec } from '../model/classifier';
import type { BackboneKind } from '../model/backbone';
import { metricArrangement, sphereArrangement } from '../model/arrangement';
import { RunningMeans } from './running-means';

export type MethodId = 'xe' | 'free' | 'guided' | 'fixed' | 'hyperspherical' | 'deepncm';
export type GuidanceKind = 'distortion' | 'rank';

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
}

function crossEntropy(logits: tf.Tensor2D, y: tf.Tensor1D, k: number): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(tf.oneHot(y, k), logits) as tf.Scalar;
}

function headFor(method: MethodId): HeadSpec {
  switch (method) {
    case 'xe':
      return { kind: 'dense' };
    case 'free':
    case 'guided':
      return { kind: 'prototypes', metric: 'euclidean', trainable: true };
    case 'fixed':
      return { kind: 'prototypes', metric: 'euclidean', trainable: false };
    case 'hyperspherical':
      return { kind: 'prototypes', metric: 'hyperspherical', trainable: false };
    case 'deepncm':
      return { kind: 'prototypes', metric: 'sqeuclidean', trainable: false };
  }
}

/** Builds the classifier of a method (computing fixed arrangements first) and its training loss. */
export async function createMethod(settings: MethodSettings, context: MethodContext): Promise<TrainableMethod> {
  const { method, seed } = settings;
  const k = context.numClasses;
  const classifier = buildClassifier(context.inputShape, { kind: settings.backbone, embeddingDim: settings.embeddingDim, seed }, k, headFor(method));
  const prototypes = classifier.prototypeHead;
  try {
    if (method === 'fixed') {
      const points = await metricArrangement(context.D, settings.embeddingDim, { seed: seed + 300 });
      tf.tidy(() => prototypes?.assign(tf.tensor2d(points)));
    } else if (method === 'hyperspherical') {
      const points = await sphereArrangement(context.D, k, settings.embeddingDim, { seed: seed + 400 });
      tf.tidy(() => prototypes?.assign(tf.tensor2d(points)));
    } else if (method === 'deepncm') {
      tf.tidy(() => prototypes?.assign(tf.zeros([k, settings.embeddingDim])));
    }
  } catch (error) {
    classifier.model.dispose();
    throw error;
  }

  const means = method === 'deepncm' && prototypes ? new RunningMeans(prototypes.variable()) : null;
  const rng = createRng(seed + 500);
  let lambda = settings.lambda;
  const guidance = (p: tf.Tensor2D): tf.Scalar =>
    settings.guidance === 'rank' ? rankLoss(p, context.D, { numTriplets: RANK_TRIPLETS, seed: rng }) : distortionLoss(p, context.D, { scaleFree: true });

  const learnt: tf.Variable[] = prototypes && prototypes.trainable ? [prototypes.variable()] : [];
  return {
    classifier,
    networkVariables: trainableVariables(classifier).filter((v) => !learnt.includes(v)),
    prototypeVariables: learnt,
    loss: (x, y, labels) =>
      tf.tidy(() => {
        const embeddings = embed(classifier, x, true);
        if (means) means.update(embeddings, labels);
        const logits = logitsOf(classifier, embeddings);
        if (method === 'hyperspherical') return hypersphericalLoss(logits, y, { reduction: 'mean' }) as tf.Scalar;
        const base = crossEntropy(logits, y, k);
        if (method !== 'guided' || !prototypes || lambda === 0) return base;
        return tf.add(base, tf.mul(guidance(prototypes.variable()), lambda)) as tf.Scalar;
      }),
    predict: (x) =>
      tf.tidy(() => {
        const embeddings = embed(classifier, x, false);
        return { embeddings, logits: logitsOf(classifier, embeddings) };
      }),
    setLambda: (value) => {
      if (Number.isFinite(value) && value >= 0) lambda = value;
    },
    prototypes: async () => (prototypes ? ((await prototypes.variable().array()) as number[][]) : null),
  };
}
