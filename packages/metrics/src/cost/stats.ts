// Per-batch sums behind the cost metrics and their streaming meters, computed on the device in one
// pass and read (when needed) with one transfer.
import * as tf from '@tensorflow/tfjs-core';
import { asRows, rowOffsets, type CheckedLabels, type CheckedScores } from '../internal/classification';

/** [kept, errors, Σ cost, Σ cost over mistakes] over the rows not ignored, for argmax predictions. */
export function predictionStats(scores: CheckedScores, y: CheckedLabels, cost: tf.Tensor2D | null): tf.Tensor1D {
  return tf.tidy(() => {
    const k = scores.numClasses;
    const predicted = tf.argMax(asRows(scores), 1);
    const keep = tf.tensor1d(y.keep);
    const wrong = tf.mul(tf.cast(tf.notEqual(predicted, tf.tensor1d(y.labels, 'int32')), 'float32'), keep);
    let costSum: tf.Tensor = tf.scalar(0);
    let mistakeCostSum: tf.Tensor = tf.scalar(0);
    if (cost) {
      const index = tf.add(tf.reshape(rowOffsets(y.labels, k), [y.labels.length]), predicted);
      const costs = tf.gather(tf.reshape(cost, [k * k]), index); // D[y_n, ŷ_n]
      costSum = tf.sum(tf.mul(costs, keep));
      mistakeCostSum = tf.sum(tf.mul(costs, wrong));
    }
    return tf.stack([tf.scalar(y.kept), tf.sum(wrong), costSum, mistakeCostSum]) as tf.Tensor1D;
  });
}

export type HdistMode = 'avg' | 'top';

/** Σ over kept rows of the mean (`avg`) or min (`top`) of D[y, ŷ_j] over the k best-scored classes. */
export function topKCostSum(scores: CheckedScores, y: CheckedLabels, cost: tf.Tensor2D, k: number, mode: HdistMode): tf.Scalar {
  return tf.tidy(() => {
    const numClasses = scores.numClasses;
    const { indices } = tf.topk(asRows(scores), k);
    const index = tf.add(rowOffsets(y.labels, numClasses), indices); // [N, k]
    const costs = tf.reshape(tf.gather(tf.reshape(cost, [numClasses * numClasses]), tf.reshape(index, [-1])), [y.labels.length, k]);
    const perRow = mode === 'avg' ? tf.mean(costs, 1) : tf.min(costs, 1);
    return tf.sum(tf.mul(perRow, tf.tensor1d(y.keep))) as tf.Scalar;
  });
}
