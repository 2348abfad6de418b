// Cost-aware evaluation metrics of argmax (or top-k) predictions: the seed's AverageCost and its kin.
import * as tf from '@tensorflow/tfjs-core';
import { readClassLabels, readIgnoreIndex, readScores, type CheckedLabels, type CheckedScores } from '../internal/classification';
import { costTensor } from '../internal/cost-tensors';
import { assertNumber, assertOneOf, readCostMatrix, type CostMatrixInput } from '../validation';
import { predictionStats, topKCostSum, type HdistMode } from './stats';

export interface IgnoreOptions {
  /** Rows with this label are left out (e.g. an "unlabelled" pixel class). */
  ignoreIndex?: number;
}

export interface HdistOptions extends IgnoreOptions {
  /** `'avg'`: mean cost of the k predictions; `'top'`: the least of them. Default `'avg'`. */
  mode?: HdistMode;
}

interface Checked {
  scores: CheckedScores;
  y: CheckedLabels;
  values: Float32Array;
}

export function readCostArgs(fn: string, logits: unknown, labels: unknown, D: unknown, ignoreIndex: unknown): Checked {
  const scores = readScores(fn, 'logits', logits);
  const ignore = readIgnoreIndex(fn, ignoreIndex);
  const y = readClassLabels(fn, labels, scores, ignore);
  const { values } = readCostMatrix(fn, 'D', D, { size: scores.numClasses, sizeReason: 'the number of classes, the last axis of logits' });
  return { scores, y, values };
}

/** mean_n D[y_n, argmax logits_n] over the rows not ignored; NaN when none is left. */
export function averageCost(logits: tf.Tensor, labels: tf.Tensor | number[] | Int32Array, D: CostMatrixInput, { ignoreIndex }: IgnoreOptions = {}): tf.Scalar {
  const { scores, y, values } = readCostArgs('averageCost', logits, labels, D, ignoreIndex);
  return tf.tidy(() => {
    const stats = predictionStats(scores, y, costTensor(D, values, scores.numClasses));
    return tf.reshape(tf.div(tf.slice(stats, 2, 1), tf.slice(stats, 0, 1)), []) as tf.Scalar;
  });
}

/** Mean of D[y, ŷ] over the misclassified rows only (how bad the mistakes are); NaN without mistakes. */
export function mistakeSeverity(logits: tf.Tensor, labels: tf.Tensor | number[] | Int32Array, D: CostMatrixInput, { ignoreIndex }: IgnoreOptions = {}): tf.Scalar {
  const { scores, y, values } = readCostArgs('mistakeSeverity', logits, labels, D, ignoreIndex);
  return tf.tidy(() => {
    const stats = predictionStats(scores, y, costTensor(D, values, scores.numClasses));
    return tf.reshape(tf.div(tf.slice(stats, 3, 1), tf.slice(stats, 1, 1)), []) as tf.Scalar;
  });
}

/** Fraction of rows (not ignored) whose argmax is not the label; NaN when none is left. */
export function errorRate(logits: tf.Tensor, labels: tf.Tensor | number[] | Int32Array, { ignoreIndex }: IgnoreOptions = {}): tf.Scalar {
  const fn = 'errorRate';
  const scores = readScores(fn, 'logits', logits);
  const y = readClassLabels(fn, labels, scores, readIgnoreIndex(fn, ignoreIndex));
  return tf.tidy(() => {
    const stats = predictionStats(scores, y, null);
    return tf.reshape(tf.div(tf.slice(stats, 1, 1), tf.slice(stats, 0, 1)), []) as tf.Scalar;
  });
}

export function readK(fn: string, k: unknown, numClasses: number): number {
  assertNumber(fn, 'k', k, { integer: true, min: 1, max: numClasses });
  return k;
}

/**
 * Hierarchical distance at k: over the k best-scored classes ŷ_1..ŷ_k, the mean (`avg`) or least (`top`)
 * of D[y, ŷ_j], averaged over the rows not ignored; NaN when none is left.
 */
export function hierarchicalDistanceAtK(
  logits: tf.Tensor,
  labels: tf.Tensor | number[] | Int32Array,
  D: CostMatrixInput,
  k: number,
  { mode = 'avg', ignoreIndex }: HdistOptions = {},
): tf.Scalar {
  const fn = 'hierarchicalDistanceAtK';
  const { scores, y, values } = readCostArgs(fn, logits, labels, D, ignoreIndex);
  readK(fn, k, scores.numClasses);
  assertOneOf(fn, 'options.mode', mode, ['avg', 'top'] as const);
  return tf.tidy(() => tf.div(topKCostSum(scores, y, costTensor(D, values, scores.numClasses), k, mode), y.kept) as tf.Scalar);
}
