// Device copies of a checked cost matrix and of what the losses derive from it.
import * as tf from '@tensorflow/tfjs-core';

/** D as a float32 [K, K] tensor: the caller's own tensor when it is one (no upload), else a new one. */
export function costTensor(D: unknown, values: Float32Array, size: number): tf.Tensor2D {
  if (D instanceof tf.Tensor && D.dtype === 'float32' && D.rank === 2) return D as tf.Tensor2D;
  return tf.tensor2d(values, [size, size]);
}

// Keyed by the checked values, which the validation caches per D tensor: a training loop passing the same
// D tensor every step pays the K² divisions once (the array goes when D does).
const inverses = new WeakMap<Float32Array, Float32Array>();

/** 1 / D_ij off the diagonal and 0 on it: the seed's 1 / (D + I) with its diagonal terms removed. */
export function inverseOffDiagonal(values: Float32Array, size: number): tf.Tensor2D {
  let inv = inverses.get(values);
  if (!inv) {
    inv = new Float32Array(size * size);
    for (let i = 0; i < size; i++) {
      for (let j = 0; j < size; j++) if (i !== j) inv[i * size + j] = 1 / values[i * size + j];
    }
    inverses.set(values, inv);
  }
  return tf.tensor2d(inv, [size, size]);
}
