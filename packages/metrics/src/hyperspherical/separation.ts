// Prototype separation on the hypersphere (Mettes et al. 2019; the seed's SeparationLoss).
import * as tf from '@tensorflow/tfjs-core';
import { COSINE_EPS } from '../distances/metric';
import { matMulABt } from '../internal/fast-matmul';
import { assertFloat, assertRank, MgpInputError } from '../validation';

export interface SeparationOptions {
  /** Scale the prototypes to unit norm first (the loss is defined on the sphere); default true. */
  normalize?: boolean;
}

/**
 * mean_i max_{j≠i} p_i·p_j over prototypes [K, d] (unit-norm): lower when the nearest pairs are further apart.
 * With `normalize`, norms are floored (at COSINE_EPS, or the backend's epsilon when larger, as on float16), so a
 * zero prototype has cosine 0 to every other one and a finite, zero gradient instead of NaN.
 */
export function separationLoss(prototypes: tf.Tensor2D, { normalize = true }: SeparationOptions = {}): tf.Scalar {
  const fn = 'separationLoss';
  assertRank(fn, 'prototypes', prototypes, [2]);
  assertFloat(fn, 'prototypes', prototypes);
  const k = prototypes.shape[0];
  if (k < 2) throw new MgpInputError(fn, 'prototypes', `must hold at least 2 prototypes; got shape [${prototypes.shape.join(', ')}]`);
  return tf.tidy(() => {
    const p = normalize ? tf.div(prototypes, flooredNorm(prototypes)) : prototypes;
    const eye = tf.oneHot(tf.range(0, k, 1, 'int32'), k);
    // Cosines are ≥ −1, so subtracting 2 on the diagonal keeps i = j out of the max (as the seed).
    const cosines = tf.sub(matMulABt(p as tf.Tensor2D, p as tf.Tensor2D), tf.mul(eye, 2));
    return tf.mean(tf.max(cosines, 1)) as tf.Scalar;
  });
}

/** ‖p_i‖ per row [K, 1], floored: sqrt(max(‖p‖², ε²)) keeps both the value and the gradient finite at p_i = 0. */
function flooredNorm(prototypes: tf.Tensor2D): tf.Tensor {
  const eps = Math.max(COSINE_EPS, tf.backend().epsilon());
  return tf.sqrt(tf.maximum(tf.sum(tf.square(prototypes), 1, true), eps * eps));
}
