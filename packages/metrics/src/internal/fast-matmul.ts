// Matrix products with one operand transposed, in the form each backend runs fastest.
//
// tfjs-backend-wasm 4.x runs BatchMatMul through XNNPACK only when neither transpose flag is set; with a flag it
// falls back to a scalar blocked loop 10-20× slower at [256, 512]·[512, 1000]. There a materialized transpose (an
// O(rows·cols) copy, ~1 ms at that size) followed by a flag-free product is far faster. The other backends (cpu,
// webgl, tensorflow) read transposed operands in place, so they get the flags.
import * as tf from '@tensorflow/tfjs-core';
import { assertDim, assertFloat, assertRank } from '../validation/tensor-checks';

/** Rank-2 float32 operands whose `axis` sizes agree (shape checks only: cheap enough for every call). */
function checkOperands(fn: string, a: unknown, b: unknown, axis: 0 | 1): asserts a is tf.Tensor2D {
  assertRank(fn, 'a', a, [2]);
  assertFloat(fn, 'a', a);
  assertRank(fn, 'b', b, [2]);
  assertFloat(fn, 'b', b);
  assertDim(fn, 'b', b, axis, a.shape[axis] as number, `axis ${axis} of 'a', the one the product sums over`);
}

/** a · bᵀ for a [m, n], b [k, n] → [m, k]. */
export function matMulABt(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  checkOperands('matMulABt', a, b, 1);
  return tf.getBackend() === 'wasm' ? tf.tidy(() => tf.matMul(a, tf.transpose(b))) : tf.matMul(a, b, false, true);
}

/** aᵀ · b for a [n, m], b [n, k] → [m, k]. */
export function matMulAtB(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  checkOperands('matMulAtB', a, b, 0);
  return tf.getBackend() === 'wasm' ? tf.tidy(() => tf.matMul(tf.transpose(a), b)) : tf.matMul(a, b, true, false);
}
