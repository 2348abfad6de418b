// Distances between the rows of a [B, d] and b [K, d] in matrix-product form, with hand-written gradients:
// no [B, K, d] tensor, and each transposed product in its backend's fastest form (../internal/fast-matmul).
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { matMulABt, matMulAtB } from '../internal/fast-matmul';
import { COSINE_EPS, type Metric } from './metric';

/**
 * ‖a_i‖² + ‖b_k‖² − 2 a_i·b_k as ONE product [−2a | ‖a‖² | 1]·[b | 1 | ‖b‖²]ᵀ (inner size d + 2): no
 * broadcast additions over [B, K] (slow on the cpu backend), clamped at 0 (rounding can go below).
 */
export function augmentedSquared(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const product = augmentedProduct(a, b);
  const sq = tf.relu(product) as tf.Tensor2D;
  product.dispose();
  return sq;
}

/** The product of augmentedSquared before its clamp at 0 (for shaders that clamp as they read). */
export function augmentedProduct(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  const left = tf.tidy(() => {
    const na = tf.sum(tf.square(a), 1, true);
    return tf.concat([tf.mul(a, -2), na, tf.onesLike(na)], 1);
  });
  const right = tf.tidy(() => {
    const nb = tf.sum(tf.square(b), 1, true);
    return tf.concat([b, tf.onesLike(nb), nb], 1);
  });
  const product = matMulABt(left as tf.Tensor2D, right as tf.Tensor2D);
  tf.dispose([left, right]);
  return product;
}

/** 1 − u_i·v_k for unit rows, as one product [U | 1]·[−V | 1]ᵀ (no scalar broadcast), clamped at 0. */
export function unitCosineDistances(u: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D {
  const product = tf.tidy(() =>
    matMulABt(tf.concat([u, tf.ones([u.shape[0], 1])], 1) as tf.Tensor2D, tf.concat([tf.neg(v), tf.ones([v.shape[0], 1])], 1) as tf.Tensor2D),
  );
  const d = tf.relu(product) as tf.Tensor2D;
  product.dispose();
  return d;
}

/** Gradient of ‖a‖² + ‖b‖² − 2abᵀ given G = ∂L/∂D: 2(a·rowsum(G) − G·b) and 2(b·colsum(G) − Gᵀ·a). */
export function squaredGrads(a: tf.Tensor2D, b: tf.Tensor2D, g: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] {
  const rowSum = tf.sum(g, 1, true); // [B, 1]
  const colSum = tf.reshape(tf.sum(g, 0), [b.shape[0], 1]); // [K, 1]
  const da = tf.mul(tf.sub(tf.mul(a, rowSum), tf.matMul(g, b)), 2);
  const db = tf.mul(tf.sub(tf.mul(b, colSum), matMulAtB(g, a)), 2);
  return [da as tf.Tensor2D, db as tf.Tensor2D];
}

/**
 * ∂L/∂(D²) from ∂L/∂D for D = √(D²): G / 2D (`factor` 0.5 / D), and 0 where D = 0 (coincident points: a
 * subgradient, not NaN). Masked with step(D) rather than divNoNan, whose `where` copies its operands.
 */
export function sqrtBackward(g: tf.Tensor, d: tf.Tensor, factor = 0.5): tf.Tensor2D {
  // Intermediates are freed one by one: at most three K×K temporaries at a time.
  const live = tf.step(d); // 1 where D > 0
  const numerator = tf.mul(g, live);
  live.dispose();
  const denominator = tf.maximum(d, 1e-30);
  const quotient = tf.div(numerator, denominator);
  tf.dispose([numerator, denominator]);
  if (factor === 1) return quotient as tf.Tensor2D;
  const out = tf.mul(quotient, factor);
  quotient.dispose();
  return out as tf.Tensor2D;
}

/** Rows scaled to unit norm, and the norm used (clamped at COSINE_EPS). */
export function unitRows(x: tf.Tensor2D): { unit: tf.Tensor2D; norm: tf.Tensor2D } {
  const norm = tf.maximum(tf.sqrt(tf.sum(tf.square(x), 1, true)), COSINE_EPS) as tf.Tensor2D;
  return { unit: tf.div(x, norm) as tf.Tensor2D, norm };
}

/** Back through x ↦ x / max(‖x‖, eps): project out the radial part (only where the norm was not clamped). */
export function unitRowsBackward(dUnit: tf.Tensor2D, unit: tf.Tensor2D, norm: tf.Tensor2D): tf.Tensor2D {
  const radial = tf.sum(tf.mul(dUnit, unit), 1, true);
  const live = tf.cast(tf.greater(norm, COSINE_EPS), 'float32');
  return tf.div(tf.sub(dUnit, tf.mul(unit, tf.mul(radial, live))), norm) as tf.Tensor2D;
}

export function crossDistances(a: tf.Tensor2D, b: tf.Tensor2D, metric: Metric): tf.Tensor2D {
  const op = customOp<tf.Tensor2D>(([a, b], save) => {
    const x = a as tf.Tensor2D;
    const y = b as tf.Tensor2D;
    if (metric === 'cosine') {
      const ua = unitRows(x);
      const ub = unitRows(y);
      const value = unitCosineDistances(ua.unit, ub.unit);
      save([ua.unit, ua.norm, ub.unit, ub.norm]);
      return {
        value,
        gradFunc: (dy, [uA, nA, uB, nB]) => {
          // D = 1 − UaUbᵀ, so ∂L/∂Ua = −G·Ub and ∂L/∂Ub = −Gᵀ·Ua.
          const g = tf.neg(dy) as tf.Tensor2D;
          const dUa = tf.matMul(g, uB as tf.Tensor2D) as tf.Tensor2D;
          const dUb = matMulAtB(g as tf.Tensor2D, uA as tf.Tensor2D);
          return [
            unitRowsBackward(dUa, uA as tf.Tensor2D, nA as tf.Tensor2D),
            unitRowsBackward(dUb, uB as tf.Tensor2D, nB as tf.Tensor2D),
          ];
        },
      };
    }
    const sq = augmentedSquared(x, y);
    if (metric === 'sqeuclidean') {
      save([x, y]);
      return { value: sq, gradFunc: (dy, [sa, sb]) => squaredGrads(sa as tf.Tensor2D, sb as tf.Tensor2D, dy as tf.Tensor2D) };
    }
    const value = tf.sqrt(sq) as tf.Tensor2D;
    save([x, y, value]);
    return {
      value,
      gradFunc: (dy, [sa, sb, d]) => squaredGrads(sa as tf.Tensor2D, sb as tf.Tensor2D, sqrtBackward(dy, d)),
    };
  });
  return op(a, b);
}
