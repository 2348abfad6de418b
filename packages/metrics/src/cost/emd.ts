// The seed's EMDLoss: squared Earth Mover regularisation of the predicted distribution.
import * as tf from '@tensorflow/tfjs-core';
import { asRows } from '../internal/classification';
import { costTensor } from '../internal/cost-tensors';
import { assertNumber, type CostMatrixInput } from '../validation';
import { readCostArgs, type IgnoreOptions } from './metrics';

export interface EmdOptions extends IgnoreOptions {
  /** Weight λ of the term; default 1. */
  lambda?: number;
  /** Offset μ subtracted from the costs; default 0. */
  mu?: number;
}

/**
 * λ · mean_n Σ_k p_nk² (D[y_n, k] − μ), p = softmax(logits), over the rows not ignored. When every row is
 * ignored there is nothing to average: the loss is 0, with zero gradients (as hierarchicalCrossEntropy).
 */
export function emdLoss(
  logits: tf.Tensor,
  labels: tf.Tensor | number[] | Int32Array,
  D: CostMatrixInput,
  { lambda = 1, mu = 0, ignoreIndex }: EmdOptions = {},
): tf.Scalar {
  const fn = 'emdLoss';
  const { scores, y, values } = readCostArgs(fn, logits, labels, D, ignoreIndex);
  assertNumber(fn, 'options.lambda', lambda);
  assertNumber(fn, 'options.mu', mu);
  return tf.tidy(() => {
    const p = tf.softmax(asRows(scores));
    const rows = tf.gather(costTensor(D, values, scores.numClasses), tf.tensor1d(y.labels, 'int32')); // D[y_n]
    const perRow = tf.sum(tf.mul(tf.square(p), tf.sub(rows, mu)), 1);
    return tf.mul(tf.div(tf.sum(tf.mul(perRow, tf.tensor1d(y.keep))), y.kept > 0 ? y.kept : 1), lambda) as tf.Scalar;
  });
}


