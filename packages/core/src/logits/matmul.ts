// Matrix products in the layout each backend runs fastest.
// tfjs-backend-wasm 4.x runs BatchMatMul through XNNPACK only when neither transpose flag is set; with a flag it
// falls back to a scalar blocked loop that is 10-20× slower at [256, 512]·[512, 1000]. There, materializing the
// transpose (an O(rows·cols) copy, ~1 ms at that size) and multiplying without flags is far faster. The other
// backends (cpu, webgl, tensorflow) read transposed operands directly, so they get the flags.
import * as tf from '@tensorflow/tfjs-core';

function flagsAreSlow(): boolean {
  return tf.getBackend() === 'wasm';
}

/** a · bᵀ for a [m, n], b [k, n] → [m, k]. */
export function matMulABt(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return flagsAreSlow() ? tf.matMul(a, tf.transpose(b)) : tf.matMul(a, b, false, true);
}

/** aᵀ · b for a [n, m], b [n, k] → [m, k]. */
export function matMulAtB(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return flagsAreSlow() ? tf.matMul(tf.transpose(a), b) : tf.matMul(a, b, true, false);
}

/** Column sums of a [n, k] as [1, k], as a product with a row of ones (a reduction over axis 0 transposes first). */
export function columnSums(a: tf.Tensor2D): tf.Tensor2D {
  return tf.matMul(tf.ones([1, a.shape[0]]), a);
}
