// The few products and broadcasts of the prototype kernels, each in the form its backend runs fastest.
//
// - tfjs-backend-wasm 4.x runs BatchMatMul through XNNPACK only when neither transpose flag is set; with a flag it
//   falls back to a scalar blocked loop 10-20× slower at [256, 512]·[512, 1000]. There a materialized transpose
//   (an O(rows·cols) copy, ~1 ms at that size) followed by a flag-free product is far faster. The other backends
//   (cpu, webgl, tensorflow) read transposed operands in place, so they get the flags.
// - tfjs-backend-cpu's binary ops take a fast path only when no operand has a size-1 axis stretched against the
//   other's (a scalar or a trailing [k] row vector is fine); scaling the rows of [n, m] by an [n, 1] column walks
//   index arithmetic per element, ~25× slower than a batched [n, 1, 1]·[n, 1, m] product doing the same work.
import * as tf from '@tensorflow/tfjs-core';

/** a · bᵀ for a [m, n], b [k, n] → [m, k]. */
export function matMulABt(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.getBackend() === 'wasm' ? tf.matMul(a, tf.transpose(b)) : tf.matMul(a, b, false, true);
}

/** aᵀ · b for a [n, m], b [n, k] → [m, k]. */
export function matMulAtB(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return tf.getBackend() === 'wasm' ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, b, true, false);
}

/** Column sums of a [n, k] as a [k, 1] column: a product with a row of ones (an axis-0 sum transposes first). */
export function columnSumsAsColumn(a: tf.Tensor2D): tf.Tensor2D {
  return tf.reshape(tf.matMul(tf.ones([1, a.shape[0]]), a), [a.shape[1], 1]);
}

/** a [n, m] with row i multiplied by r[i] (r [n, 1]). */
export function scaleRows(a: tf.Tensor2D, r: tf.Tensor2D): tf.Tensor2D {
  if (tf.getBackend() !== 'cpu') return tf.mul(a, r);
  const [n, m] = a.shape;
  return tf.reshape(tf.matMul(tf.reshape(r, [n, 1, 1]), tf.reshape(a, [n, 1, m])), [n, m]);
}
