import * as tf from '@tensorflow/tfjs-core';
import { averageCost, bayesDecision, hierarchicalDistanceAtK, mistakeSeverity, scaleFreeDistortion } from '@mgp/metrics';
import { batchRows, makeBatch } from '../data/batches';
import type { ImageSet } from '../data/dataset';
import type { TrainableModel } from './method-types';

/** Inference outputs over a whole set, kept in plain arrays (small: N×K and N×d). */
export interface Predictions {
  scores: Float32Array;
  embeddings: Float32Array;
  labels: Int32Array;
  count: number;
  numClasses: number;
  embeddingDim: number;
}

export async function predictAll(model: TrainableModel, set: ImageSet, batchSize = 500): Promise<Predictions> {
  const scoreParts: Float32Array[] = [];
  const embeddingParts: Float32Array[] = [];
  let numClasses = 0;
  let embeddingDim = 0;
  const order = Int32Array.from({ length: set.count }, (_, i) => i);
  for (const rows of batchRows(order, batchSize)) {
    const { x, y } = makeBatch(set, rows);
    const { scores, embeddings } = model.predict(x);
    numClasses = scores.shape[1];
    embeddingDim = embeddings.shape[1];
    scoreParts.push((await scores.data()) as Float32Array);
    embeddingParts.push((await embeddings.data()) as Float32Array);
    tf.dispose([x, y, scores, embeddings]);
  }
  return {
    scores: concat(scoreParts),
    embeddings: concat(embeddingParts),
    labels: set.labels,
    count: set.count,
    numClasses,
    embeddingDim,
  };
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export interface Scores {
  errorRate: number;
  averageCost: number;
  mistakeSeverity: number;
  /** hdist@k for each k asked (mean over the k best-scored classes of their distance to the truth). */
  hdistAtK: Record<number, number>;
}

/**
 * The cost-aware metrics of @mgp/metrics on a set's scores. With `decision: 'bayes'` the scores are replaced by
 * minus the expected cost under the softmax posterior first (the least-expected-cost decision).
 */
export function scorePredictions(
  predictions: Predictions,
  D: number[][],
  options: { decision?: 'argmax' | 'bayes'; ks?: number[] } = {},
): Scores {
  const ks = options.ks ?? [];
  return tf.tidy(() => {
    const raw = tf.tensor2d(predictions.scores, [predictions.count, predictions.numClasses]);
    const scores = options.decision === 'bayes' ? bayesScores(raw, D) : raw;
    const labels = tf.tensor1d(predictions.labels, 'int32');
    const wrong = tf.notEqual(tf.argMax(scores, 1), labels);
    const hdistAtK: Record<number, number> = {};
    for (const k of ks) hdistAtK[k] = scalar(hierarchicalDistanceAtK(scores, labels, D, k));
    return {
      errorRate: scalar(tf.mean(tf.cast(wrong, 'float32'))),
      averageCost: scalar(averageCost(scores, labels, D)),
      mistakeSeverity: scalar(mistakeSeverity(scores, labels, D)),
      hdistAtK,
    };
  });
}

/**
 * Scores ranking classes by least expected cost, −softmax(logits)·D (D symmetric), so that hdist@k can rank them
 * too; their argmax is checked against @mgp/metrics' `bayesDecision`, the decision itself.
 */
function bayesScores(logits: tf.Tensor2D, D: number[][]): tf.Tensor2D {
  const scores = tf.neg(tf.matMul(tf.softmax(logits), tf.tensor2d(D))) as tf.Tensor2D;
  const ours = tf.argMax(scores, 1).dataSync();
  const theirs = bayesDecision(logits, D).dataSync();
  const disagree = ours.findIndex((v, i) => v !== theirs[i]);
  // Exact ties may break differently; anything else would mean the two disagree on the rule.
  if (disagree >= 0) {
    const row = tf.slice(scores, [disagree, 0], [1, -1]).dataSync();
    if (row[ours[disagree]] !== row[theirs[disagree]]) throw new Error(`least-cost decision disagrees with bayesDecision at row ${disagree}`);
  }
  return scores;
}

function scalar(value: tf.Tensor | number): number {
  return typeof value === 'number' ? value : value.dataSync()[0];
}

/** Scale-free distortion of an arrangement of class points against D (lower: the points follow D better). */
export function prototypeDistortion(points: number[][], D: number[][]): number {
  return tf.tidy(() => scalar(scaleFreeDistortion(tf.tensor2d(points), D)));
}

/** Mean embedding of each class, the stand-in prototypes of heads that have none (as the seed's figure does). */
export function classMeans(predictions: Predictions): number[][] {
  const { numClasses, embeddingDim } = predictions;
  const sums = Array.from({ length: numClasses }, () => new Array<number>(embeddingDim).fill(0));
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < predictions.count; i++) {
    const c = predictions.labels[i];
    counts[c]++;
    for (let j = 0; j < embeddingDim; j++) sums[c][j] += predictions.embeddings[i * embeddingDim + j];
  }
  return sums.map((row, c) => row.map((v) => v / Math.max(counts[c], 1)));
}
