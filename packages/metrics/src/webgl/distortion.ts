// The exact distortion loss on tfjs-webgl: the forward in three shader passes (./programs), the row sums that give
// the scale s, W, and W's row sums with the loss's terms; the backward one product W·P, as on every other path.
import * as tf from '@tensorflow/tfjs-core';
import { augmentedProduct } from '../distances/cross';
import type { Metric } from '../distances/metric';
import { selfCosine, selfCosineGradSymmetric } from '../distances/self';
import { customOp, type GradFn, type Save } from '../internal/custom-grad';
import { rowStatsProgram, rowSumsProgram, weightsProgram } from './programs';
import { runProgram } from './run-program';

/**
 * L = Σ_{i≠j} (s·d_ij/D_ij − 1)² / (K² − K), s = Σa/Σa² (a = d/D) when `scaleFree`, else 1, for points [K, d] and
 * D [K, K] (checked: symmetric, > 0 off the diagonal). As ../distortion/matrix-loss, whose chain it replaces there.
 */
export function shaderDistortionLoss(points: tf.Tensor2D, D: tf.Tensor2D, scaleFree: boolean, metric: Metric): tf.Scalar {
  const op = customOp<tf.Scalar>(([input], save) => forward(input as tf.Tensor2D, D, scaleFree, metric, save));
  return op(points);
}

function forward(p: tf.Tensor2D, D: tf.Tensor2D, scaleFree: boolean, metric: Metric, save: Save): { value: tf.Scalar; gradFunc: GradFn } {
  const k = p.shape[0];
  const pairs = k * k - k;
  const cosine = metric === 'cosine' ? selfCosine(p) : null;
  const shape = { k, root: metric === 'euclidean' };
  // ∂L/∂d summed over both orders of a pair, 4s(s·a − 1)/(D·pairs); the euclidean W also takes ∂d/∂d² = 1/2d.
  const factor = (metric === 'euclidean' ? 2 : 4) / pairs;
  const { value, weights, rowSums } = tf.tidy(() => {
    const dist = cosine ? cosine.d : augmentedProduct(p, p);
    const sums = tf.sum(runProgram(rowSumsProgram(shape), [dist, D]), 0);
    const s = scaleFree ? tf.reshape(tf.divNoNan(tf.slice(sums, 0, 1), tf.slice(sums, 1, 1)), []) : tf.scalar(1);
    const stats = runProgram(rowStatsProgram(shape, factor), [dist, D, s]) as tf.Tensor2D;
    return {
      weights: runProgram(weightsProgram(shape, factor), [dist, D, s]) as tf.Tensor2D,
      rowSums: tf.slice(stats, [0, 0], [k, 1]),
      value: tf.div(tf.sum(tf.slice(stats, [0, 1], [k, 1])), pairs) as tf.Scalar,
    };
  });
  if (cosine) {
    cosine.d.dispose();
    rowSums.dispose();
    save([cosine.unit, cosine.norm, weights]);
    return {
      value,
      gradFunc: (dy, [u, n, w]) => [tf.mul(selfCosineGradSymmetric(u as tf.Tensor2D, n as tf.Tensor2D, w as tf.Tensor2D), dy)],
    };
  }
  save([p, weights, rowSums]);
  return {
    value,
    // sq_ij = ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j: ∂L/∂P = 2(P ⊙ rowsum(W) − W·P).
    gradFunc: (dy, [sp, w, sums]) => [tf.mul(tf.sub(tf.mul(sp, sums), tf.matMul(w, sp)), tf.mul(dy, 2))],
  };
}
