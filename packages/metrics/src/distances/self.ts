// Distances between all rows of one matrix P [K, d]: one matMul forward and one backward (the gradient of
// both arguments is summed into a single product), and an exactly zero diagonal. K×K temporaries are
// disposed as soon as the next one exists, so a K = 10,000 matrix costs a few copies, not a dozen.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { hasLinearScatter } from '../internal/linear-scatter';
import { augmentedSquared, sqrtBackward, unitCosineDistances, unitRows, unitRowsBackward } from './cross';
import type { Metric } from './metric';

/** Indices (i, i) of a [K, K] matrix's diagonal. */
function diagonalIndices(k: number): tf.Tensor2D {
  const at = new Int32Array(2 * k);
  for (let i = 0; i < k; i++) at[2 * i] = at[2 * i + 1] = i;
  return tf.tensor2d(at, [k, 2], 'int32');
}

/** y = f(x), then x is freed: for chains of K×K intermediates. */
function then<T extends tf.Tensor>(x: tf.Tensor, f: (x: tf.Tensor) => T): T {
  const y = f(x);
  x.dispose();
  return y;
}

/** G + Gᵀ: the gradient of a function of P·Pᵀ flows through both factors. */
export function symmetrize(g: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(g, tf.transpose(g)) as tf.Tensor2D);
}

/** t with its diagonal set to exactly 0: a scatter of K zeros (one copy), or on GPU backends a K×K mask product. */
function zeroDiagonal(t: tf.Tensor2D): tf.Tensor2D {
  const k = t.shape[0];
  return tf.tidy(() => {
    if (hasLinearScatter()) return tf.tensorScatterUpdate(t, diagonalIndices(k), tf.zeros([k]));
    // oneHot builds the mask on the device; tf.eye would fill K² values on the CPU and upload them.
    return tf.mul(t, tf.sub(1, tf.oneHot(tf.range(0, k, 1, 'int32'), k)));
  }) as tf.Tensor2D;
}

/** ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j in one product, with the diagonal set to exactly 0. */
export function selfSquared(p: tf.Tensor2D): tf.Tensor2D {
  return then(augmentedSquared(p, p), (t) => zeroDiagonal(t as tf.Tensor2D));
}

/** Gradient wrt P of Σ G ⊙ (‖p_i‖² + ‖p_j‖² − 2 p_i·p_j), given S = G + Gᵀ: 2(P·rowsum(S) − S·P). */
export function selfSquaredGradSymmetric(p: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.mul(tf.sub(tf.mul(p, tf.sum(s, 1, true)), tf.matMul(s, p)), 2) as tf.Tensor2D);
}

/** Unit rows U and their cosine distances 1 − UUᵀ, clamped at 0. */
export function selfCosine(p: tf.Tensor2D): { unit: tf.Tensor2D; norm: tf.Tensor2D; d: tf.Tensor2D } {
  const { unit, norm } = unitRows(p);
  return { unit, norm, d: unitCosineDistances(unit, unit) };
}

/** Back through D = 1 − UUᵀ given S = G + Gᵀ (G = ∂L/∂D): ∂L/∂U = −S·U, then through U = P / ‖P‖. */
export function selfCosineGradSymmetric(unit: tf.Tensor2D, norm: tf.Tensor2D, s: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => unitRowsBackward(tf.neg(tf.matMul(s, unit)) as tf.Tensor2D, unit, norm));
}

export function selfDistances(points: tf.Tensor2D, metric: Metric): tf.Tensor2D {
  const op = customOp<tf.Tensor2D>(([input], save) => {
    const p = input as tf.Tensor2D;
    if (metric === 'cosine') {
      const { unit, norm, d } = selfCosine(p);
      save([unit, norm]);
      return {
        value: d,
        gradFunc: (dy, [u, n]) => [selfCosineGradSymmetric(u as tf.Tensor2D, n as tf.Tensor2D, symmetrize(dy as tf.Tensor2D))],
      };
    }
    const sq = selfSquared(p);
    if (metric === 'sqeuclidean') {
      save([p]);
      return { value: sq, gradFunc: (dy, [sp]) => [selfSquaredGradSymmetric(sp as tf.Tensor2D, symmetrize(dy as tf.Tensor2D))] };
    }
    const value = then(sq, (t) => tf.sqrt(t)) as tf.Tensor2D;
    save([p, value]);
    return {
      value,
      gradFunc: (dy, [sp, d]) => [selfSquaredGradSymmetric(sp as tf.Tensor2D, symmetrize(sqrtBackward(dy, d)))],
    };
  });
  return op(points);
}
