// The exact distortion loss over all K² − K pairs as one fused op, for GPU backends without shader programs of
// @mgp's (tfjs-webgl has its own, ../webgl/distortion): the forward computes the loss and W = ∂L/∂(P·Pᵀ-shaped
// quantity) as a chain of tfjs kernels, so backward is a single matMul and only one K×K tensor is kept for it. Each
// K×K pass costs a full read and write, so the chain keeps them few: the diagonal is never zeroed (inv's zero
// diagonal cancels it) and W is never symmetrized (it is symmetric by construction).
import * as tf from '@tensorflow/tfjs-core';
import type { Metric } from '../distances/metric';
import { augmentedSquared } from '../distances/cross';
import { selfCosine, selfCosineGradSymmetric, selfSquaredGradSymmetric } from '../distances/self';
import { customOp } from '../internal/custom-grad';

/**
 * L = Σ_{i≠j} (s·a_ij − 1)² / (K² − K), a = d ⊙ inv (inv = 1/D off the diagonal, 0 on it), s = Σa/Σa² or 1.
 * ∂L/∂d = 2s·(s·a − 1) ⊙ inv / (K² − K): the term through s vanishes because Σ(s·a − 1)·a = s·Σa² − Σa = 0
 * at s = Σa/Σa² (s minimises L), so s needs no detaching to be exact.
 */
export function matrixDistortionLoss(points: tf.Tensor2D, inv: tf.Tensor2D, scaleFree: boolean, metric: Metric): tf.Scalar {
  const k = points.shape[0];
  const pairs = k * k - k;
  const op = customOp<tf.Scalar>(([input], save) => {
    const p = input as tf.Tensor2D;
    const cosine = metric === 'cosine' ? selfCosine(p) : null;
    // The diagonal of sq is rounding noise, not 0: harmless, as a_ii = d_ii · inv_ii = 0 and W_ii = r_ii · inv_ii = 0.
    const sq = cosine ? null : augmentedSquared(p, p);
    const d = cosine ? cosine.d : metric === 'euclidean' ? tf.sqrt(sq as tf.Tensor2D) : (sq as tf.Tensor2D);
    if (sq && sq !== d) sq.dispose();

    const a = tf.mul(d, inv);
    const s = tf.tidy(() => (scaleFree ? tf.divNoNan(tf.sum(a), tf.sum(tf.square(a))) : tf.scalar(1)));
    const scaled = tf.mul(a, s);
    a.dispose();
    const r = tf.sub(scaled, 1); // −1 on the diagonal, where a = 0
    scaled.dispose();
    // Each of the K diagonal terms adds exactly (0 − 1)² = 1.
    const value = tf.tidy(() => tf.div(tf.sub(tf.sum(tf.square(r)), k), pairs)) as tf.Scalar;
    // W = G + Gᵀ = 2G for G = ∂L/∂d (symmetric, 0 on the diagonal), the factor 2 folded into the constant; for the
    // euclidean metric G also takes ∂d/∂d² = 1/2d.
    const euclidean = metric === 'euclidean';
    const weighted = tf.mul(r, inv);
    r.dispose();
    const gd = tf.tidy(() => tf.mul(weighted, tf.mul(s, (euclidean ? 2 : 4) / pairs))) as tf.Tensor2D;
    weighted.dispose();
    s.dispose();
    const w = euclidean ? overDistance(gd, d) : gd; // W as ∂L/∂d² (or ∂L/∂(1 − UUᵀ), or ∂L/∂d²) + its transpose
    if (!euclidean) d.dispose();

    if (cosine) {
      save([cosine.unit, cosine.norm, w]);
      return {
        value,
        gradFunc: (dy, [u, n, sw]) => [tf.mul(selfCosineGradSymmetric(u as tf.Tensor2D, n as tf.Tensor2D, sw as tf.Tensor2D), dy)],
      };
    }
    save([p, w]);
    return { value, gradFunc: (dy, [sp, sw]) => [tf.mul(selfSquaredGradSymmetric(sp as tf.Tensor2D, sw as tf.Tensor2D), dy)] };
  });
  return op(points);
}

/** g / d where d > 0 and 0 where d = 0 (as sqrtBackward), consuming g and d so K×K intermediates do not pile up. */
function overDistance(g: tf.Tensor2D, d: tf.Tensor2D): tf.Tensor2D {
  const live = tf.step(d);
  const numerator = tf.mul(g, live);
  tf.dispose([live, g]);
  const denominator = tf.maximum(d, 1e-30);
  d.dispose();
  const out = tf.div(numerator, denominator) as tf.Tensor2D;
  tf.dispose([numerator, denominator]);
  return out;
}
