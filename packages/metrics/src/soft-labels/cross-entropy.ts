// Cross-entropy against cost-derived soft labels (the seed's SoftCrossEntropy), as a KL divergence.
import * as tf from '@tensorflow/tfjs-core';
import { asRows, readClassLabels, readIgnoreIndex, readScores } from '../internal/classification';
import { assertNumber, describeValue, MgpInputError, readCostMatrix, type CostMatrixInput, type LabelsInput } from '../validation';
import { logTargetTable, type SoftLabelOptions } from './targets';

export interface SoftLabelLossOptions extends SoftLabelOptions {
  /** Weight w_c of each class [K]: rows count w_{y_n} times; default all 1. */
  classWeights?: ArrayLike<number> | tf.Tensor1D;
  /** Rows with this label are left out. */
  ignoreIndex?: number;
  /** Focal factor: the log-probabilities are multiplied by (1 − p)^γ before the KL, as in the seed. */
  focalGamma?: number;
}

/**
 * Σ_n w_{y_n} KL(t_n ‖ p_n) / Σ_n w_{y_n} over the rows not ignored, with t_n = softmax(−β D[y_n] / max D)
 * and log p_n = log_softmax(logits_n) (times (1 − p)^γ with `focalGamma`). With no class weights this is the
 * seed's batch-mean KL divergence. When Σ_n w_{y_n} = 0 (every row ignored, or every present class of weight 0)
 * there is nothing to average: the loss is 0, with zero gradients (as hierarchicalCrossEntropy).
 */
export function softLabelCrossEntropy(
  logits: tf.Tensor,
  labels: LabelsInput,
  D: CostMatrixInput,
  { beta = 1, classWeights, ignoreIndex, focalGamma }: SoftLabelLossOptions = {},
): tf.Scalar {
  const fn = 'softLabelCrossEntropy';
  const scores = readScores(fn, 'logits', logits);
  const y = readClassLabels(fn, labels, scores, readIgnoreIndex(fn, ignoreIndex));
  const k = scores.numClasses;
  const { values } = readCostMatrix(fn, 'D', D, { size: k, sizeReason: 'the number of classes, the last axis of logits' });
  assertNumber(fn, 'options.beta', beta, { min: 0 });
  if (focalGamma !== undefined) assertNumber(fn, 'options.focalGamma', focalGamma, { min: 0 });
  const weights = rowWeights(fn, classWeights, y.labels, y.keep, k);
  return tf.tidy(() => {
    let logP: tf.Tensor = tf.logSoftmax(asRows(scores));
    if (focalGamma !== undefined) logP = tf.mul(logP, tf.pow(tf.sub(1, tf.exp(logP)), focalGamma));
    const logT = tf.gather(logTargetTable(values, k, beta), tf.tensor1d(y.labels, 'int32')); // [N, K]
    const kl = tf.sum(tf.mul(tf.exp(logT), tf.sub(logT, logP)), 1);
    return tf.div(tf.sum(tf.mul(kl, tf.tensor1d(weights.perRow))), weights.total > 0 ? weights.total : 1) as tf.Scalar;
  });
}

/** w_{y_n} for kept rows, 0 for ignored ones, and their sum (read and checked on the CPU). */
export function rowWeights(fn: string, classWeights: unknown, labels: Int32Array, keep: Float32Array, k: number) {
  let perClass: ArrayLike<number> | null = null;
  if (classWeights !== undefined) {
    perClass = classWeights instanceof tf.Tensor ? classWeights.dataSync() : (classWeights as ArrayLike<number>);
    if (!perClass || typeof perClass.length !== 'number' || perClass.length !== k || (classWeights instanceof tf.Tensor && classWeights.rank !== 1)) {
      throw new MgpInputError(fn, 'options.classWeights', `must hold one weight per class (${k}); got ${describeValue(classWeights)}`);
    }
    for (let c = 0; c < k; c++) {
      if (!(Number.isFinite(perClass[c]) && perClass[c] >= 0)) {
        throw new MgpInputError(fn, 'options.classWeights', `must be finite and non-negative; got ${perClass[c]} at index ${c}`);
      }
    }
  }
  const perRow = new Float32Array(labels.length);
  let total = 0;
  for (let n = 0; n < labels.length; n++) {
    perRow[n] = keep[n] * (perClass ? perClass[labels[n]] : 1);
    total += perRow[n];
  }
  return { perRow, total };
}
