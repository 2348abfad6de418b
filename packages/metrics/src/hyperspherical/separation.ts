// Prototype separation on the hypersphere (Mettes et al. 2019; the seed's SeparationLoss).
import * as tf from '@tensorflow/tfjs-core';
import { assertFloat, assertRank, MgpInputError } from '../validation';

export interface SeparationOptions {
  /** Scale the prototypes to unit norm first (the loss is defined on the sphere); default true. */
  normalize?: boolean;
}

/** mean_i max_{j≠i} p_i·p_j over prototypes [K, d] (unit-norm): lower when the nearest pairs are further apart. */
export function separationLoss(prototypes: tf.Tensor2D, { normalize = true }: SeparationOptions = {}): tf.Scalar {
  const fn = 'separationLoss';
  assertRank(fn, 'prototypes', prototypes, [2]);
  assertFloat(fn, 'prototypes', prototypes);
  const k = prototypes.shape[0];
  if (k < 2) throw new MgpInputError(fn, 'prototypes', `must hold at least 2 prototypes; got shape [${prototypes.shape.join(', ')}]`);
  return tf.tidy(() => {
    const p = normalize ? tf.div(prototypes, tf.norm(prototypes, 'euclidean', 1, true)) : prototypes;
    const eye = tf.oneHot(tf.range(0, k, 1, 'int32'), k);
    // Cosines are ≥ −1, so subtracting 2 on the diagonal keeps i = j out of the max (as the seed).
    const cosines = tf.sub(tf.matMul(p, p, false, true), tf.mul(eye, 2));
    return tf.mean(tf.max(cosines, 1)) as tf.Scalar;
  });
}
