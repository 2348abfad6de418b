// Bayes decision under a cost matrix: predict the class of least expected cost, not the most probable one.
import * as tf from '@tensorflow/tfjs-core';
import { asRows, readScores } from '../internal/classification';
import { costTensor } from '../internal/cost-tensors';
import { readCostMatrix, type CostMatrixInput } from '../validation';

/**
 * argmin_k Σ_j softmax(logits)_j D[j, k] per row: int32 predictions of the logits' shape without the
 * class axis ([N] or [B, H, W]).
 */
export function bayesDecision(logits: tf.Tensor, D: CostMatrixInput): tf.Tensor {
  const fn = 'bayesDecision';
  const scores = readScores(fn, 'logits', logits);
  const { values } = readCostMatrix(fn, 'D', D, { size: scores.numClasses, sizeReason: 'the number of classes, the last axis of logits' });
  return tf.tidy(() => {
    const risk = tf.matMul(tf.softmax(asRows(scores)), costTensor(D, values, scores.numClasses)); // [N, K]
    return tf.reshape(tf.argMin(risk, 1), scores.outerShape);
  });
}
