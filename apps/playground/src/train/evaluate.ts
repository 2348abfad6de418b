// One look at the held-out examples: error rate and average cost (@mgp/metrics), predictions, embeddings, prototypes.
import * as tf from '@tensorflow/tfjs-core';
import { averageCost, errorRate } from '@mgp/metrics';
import { confusionMatrix } from './confusion';
import type { TrainableMethod } from './methods';

export interface HeldOut {
  x: tf.Tensor;
  labels: Int32Array;
}

export interface Snapshot {
  step: number;
  /** Mean training loss over the steps since the last snapshot. */
  trainLoss: number;
  errorRate: number;
  averageCost: number;
  /** [N, d] row-major. */
  embeddings: Float32Array;
  embeddingDim: number;
  predictions: Int32Array;
  confusion: number[][];
  prototypes: number[][] | null;
}

/** Predicts in slices of this many rows (bounded GPU memory for any held-out size). */
const SLICE = 512;

async function predictAll(method: TrainableMethod, x: tf.Tensor): Promise<{ embeddings: tf.Tensor2D; logits: tf.Tensor2D }> {
  const n = x.shape[0];
  const parts: { embeddings: tf.Tensor2D; logits: tf.Tensor2D }[] = [];
  for (let start = 0; start < n; start += SLICE) {
    parts.push(tf.tidy(() => method.predict(tf.slice(x, start, Math.min(SLICE, n - start)))));
  }
  if (parts.length === 1) return parts[0];
  const joined = tf.tidy(() => ({
    embeddings: tf.concat(parts.map((p) => p.embeddings)) as tf.Tensor2D,
    logits: tf.concat(parts.map((p) => p.logits)) as tf.Tensor2D,
  }));
  parts.forEach((p) => tf.dispose([p.embeddings, p.logits]));
  return joined;
}

export async function evaluate(method: TrainableMethod, heldOut: HeldOut, D: number[][], step: number, trainLoss: number): Promise<Snapshot> {
  const { embeddings, logits } = await predictAll(method, heldOut.x);
  const k = D.length;
  const measured = tf.tidy(() => ({
    error: errorRate(logits, heldOut.labels),
    cost: averageCost(logits, heldOut.labels, D),
    predictions: tf.argMax(logits, 1),
  }));
  try {
    const [embeddingValues, predictionValues, errorValue, costValue] = await Promise.all([
      embeddings.data() as Promise<Float32Array>,
      measured.predictions.data() as Promise<Int32Array>,
      measured.error.data(),
      measured.cost.data(),
    ]);
    const predictions = Int32Array.from(predictionValues);
    return {
      step,
      trainLoss,
      errorRate: errorValue[0],
      averageCost: costValue[0],
      embeddings: Float32Array.from(embeddingValues),
      embeddingDim: embeddings.shape[1],
      predictions,
      confusion: confusionMatrix(heldOut.labels, predictions, k),
      prototypes: await method.prototypes(),
    };
  } finally {
    tf.dispose([embeddings, logits, measured.error, measured.cost, measured.predictions]);
  }
}
