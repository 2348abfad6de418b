// The few products and broadcasts of the prototype kernels, each in the form its backend runs fastest.
//
// - Transposed products: @mgp/metrics' matMulABt / matMulAtB (a materialized transpose on wasm, flags elsewhere).
// - tfjs-backend-cpu's binary ops take a fast path only when no operand has a size-1 axis stretched against the
//   other's (a scalar or a trailing [k] row vector is fine); scaling the rows of [n, m] by an [n, 1] column walks
//   index arithmetic per element, ~25× slower than a batched [n, 1, 1]·[n, 1, m] product doing the same work.
import * as tf from '@tensorflow/tfjs-core';

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
