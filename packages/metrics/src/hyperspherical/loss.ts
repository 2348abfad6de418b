// Training loss of hyperspherical prototypes (Mettes et al. 2019; the seed's HypersphericalLoss).
import * as tf from '@tensorflow/tfjs-core';
import { asRows, readClassLabels, readIgnoreIndex, readScores } from '../internal/classification';
import { rowWeights } from '../soft-labels/cross-entropy';
import { assertOneOf, type LabelsInput } from '../validation';

export interface HypersphericalLossOptions {
  /** `'sum'` (the seed's and the paper's), `'mean'` (weighted mean over kept rows), `'none'` (per row). */
  reduction?: 'sum' | 'mean' | 'none';
  /** Rows with this label are left out (their `'none'` loss is 0). */
  ignoreIndex?: number;
  /** Weight w_c of each class [K]; default all 1. */
  classWeights?: ArrayLike<number> | tf.Tensor1D;
}

/**
 * Per row, −s_{n, y_n} for hyperspherical scores s_nk = −(1 − cos(x_n, p_k))² (what
 * `prototypeLogits(x, p, {metric: 'hyperspherical'})` gives): the squared cosine distance (1 − cos)² of each
 * embedding to its class prototype, weighted by class. Reduced by `'sum'` (default), `'mean'` (Σ w·l / Σ w)
 * or `'none'` (the rows, in the scores' shape without the class axis). With `'mean'`, when Σ w = 0 (every row
 * ignored, or every present class of weight 0) the loss is 0, with zero gradients (as hierarchicalCrossEntropy).
 */
export function hypersphericalLoss(scores: tf.Tensor, labels: LabelsInput, { reduction = 'sum', ignoreIndex, classWeights }: HypersphericalLossOptions = {}): tf.Tensor {
  const fn = 'hypersphericalLoss';
  const checked = readScores(fn, 'scores', scores);
  const y = readClassLabels(fn, labels, checked, readIgnoreIndex(fn, ignoreIndex));
  assertOneOf(fn, 'options.reduction', reduction, ['sum', 'mean', 'none'] as const);
  const weights = rowWeights(fn, classWeights, y.labels, y.keep, checked.numClasses);
  return tf.tidy(() => {
    // Pick s[n, y_n] with a one-hot product: its gradient needs no scatter kernel (absent on wasm).
    const picked = tf.sum(tf.mul(asRows(checked), tf.oneHot(tf.tensor1d(y.labels, 'int32'), checked.numClasses)), 1);
    const perRow = tf.mul(tf.neg(picked), tf.tensor1d(weights.perRow));
    if (reduction === 'none') return tf.reshape(perRow, checked.outerShape);
    const total = tf.sum(perRow);
    return reduction === 'sum' ? total : tf.div(total, weights.total > 0 ? weights.total : 1);
  });
}
