// Soft labels from a cost matrix (Bertinetto et al., "Making Better Mistakes"; the seed's SoftCrossEntropy):
// the target of class y puts mass softmax(−β D[y] / max D) on every class.
import * as tf from '@tensorflow/tfjs-core';
import { assertNumber, readCostMatrix, readLabels, type CostMatrixInput, type LabelsInput } from '../validation';

export interface SoftLabelOptions {
  /** Inverse temperature β; default 1. Larger β gives sharper targets. */
  beta?: number;
}

/** log softmax(−β D / max D) row by row: [K, K], row y the log-target of class y (max D = 0 counts as 1). */
export function logTargetTable(values: Float32Array, size: number, beta: number): tf.Tensor2D {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  return tf.tidy(() => tf.logSoftmax(tf.mul(tf.tensor2d(values, [size, size]), -beta / (max > 0 ? max : 1))) as tf.Tensor2D);
}

/** Soft targets [..., K] for labels of any shape: softmax(−β D[y] / max D). */
export function softLabels(D: CostMatrixInput, labels: LabelsInput, { beta = 1 }: SoftLabelOptions = {}): tf.Tensor {
  const fn = 'softLabels';
  const { values, size } = readCostMatrix(fn, 'D', D);
  assertNumber(fn, 'options.beta', beta, { min: 0 });
  const y = readLabels(fn, 'labels', labels, { numClasses: size });
  const shape = labels instanceof tf.Tensor ? labels.shape : [y.length];
  return tf.tidy(() => {
    const rows = tf.gather(logTargetTable(values, size, beta), tf.tensor1d(y, 'int32'));
    return tf.reshape(tf.exp(rows), [...shape, size]);
  });
}
