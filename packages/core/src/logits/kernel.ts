// Prototype logits of flat embeddings [N, d] against prototypes [K, d] → [N, K], as one custom-gradient op.
// Everything is in matrix-product form: ‖x − p‖² = ‖x‖² + ‖p‖² − 2·x·pᵀ and cos = x·pᵀ / (‖x‖‖p‖).
// The backward pass is written out by hand with transposed-matMul flags: two matrix products of the forward
// shape plus a few [N, K] element-wise ops, no [N, K, d] tensor and no materialized transpose.
import * as tf from '@tensorflow/tfjs-core';
import type { ResolvedMetric } from './metric';

/** Norm floor of the cosine metrics (a zero embedding has cosine 0 with every prototype). */
const NORM_EPS = 1e-8;

type Grad = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
type Forward = (x: tf.Tensor2D, p: tf.Tensor2D, save: tf.GradSaveFunc) => { value: tf.Tensor; gradFunc: Grad };

/** tf.customGrad for an op of two rank-2 tensors. */
function binaryOp(forward: Forward): (x: tf.Tensor2D, p: tf.Tensor2D) => tf.Tensor2D {
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, p, save] = args;
    if (!(x instanceof tf.Tensor) || !(p instanceof tf.Tensor) || typeof save !== 'function') {
      throw new Error('prototype logits op: expected (x, p, save)');
    }
    return forward(x as tf.Tensor2D, p as tf.Tensor2D, save);
  });
  return (x, p) => op(x, p) as tf.Tensor2D;
}

/** Returns logits [N, K] for x [N, d], p [K, d]. Callers validate shapes first. */
export function flatPrototypeLogits(x: tf.Tensor2D, p: tf.Tensor2D, { metric, delta }: ResolvedMetric): tf.Tensor2D {
  const op = metric === 'cosine' || metric === 'hyperspherical' ? angularOp(metric === 'hyperspherical') : radialOp(metric, delta);
  return op(x, p);
}

/**
 * Metrics that are a function f(s) of the squared distance s = ‖x − p‖².
 * With W = 2·dy·f'(s): ∂/∂x_n = Σ_k W_nk (x_n − p_k) = rowsum(W)·x − W·P and ∂/∂p_k = colsum(W)·p − Wᵀ·X.
 */
function radialOp(metric: 'euclidean' | 'sqeuclidean' | 'pseudoHuber', delta: number) {
  return binaryOp((x, p, save) => {
    const s = squaredDistances(x, p);
    let value: tf.Tensor;
    if (metric === 'sqeuclidean') value = tf.neg(s);
    else if (metric === 'euclidean') value = tf.neg(tf.sqrt(s));
    else value = tf.mul(-delta, tf.sub(tf.sqrt(tf.add(1, tf.div(s, delta * delta))), 1));
    save([x, p, value]);
    const gradFunc: Grad = (dy, [xs, ps, v]) => {
      let w: tf.Tensor;
      if (metric === 'sqeuclidean') {
        // f(s) = −s: W = −2·dy
        w = tf.mul(dy, -2);
      } else if (metric === 'euclidean') {
        // f(s) = −√s = v: W = 2·dy·(−1/(2√s)) = dy / v, and 0 where x = p (a subgradient; keeps it finite).
        const nonZero = tf.less(v, 0);
        w = tf.where(nonZero, tf.div(dy, tf.where(nonZero, v, tf.onesLike(v))), tf.zerosLike(v));
      } else {
        // f(s) = −δ(√(1 + s/δ²) − 1) = v: f'(s) = −1/(2δ√(1 + s/δ²)) = −1/(2(δ − v)), W = −dy/(δ − v).
        w = tf.div(dy, tf.sub(v, delta));
      }
      return radialGrads(w, xs as tf.Tensor2D, ps as tf.Tensor2D);
    };
    return { value, gradFunc };
  });
}

function radialGrads(w: tf.Tensor, x: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor[] {
  const k = p.shape[0];
  const gx = tf.sub(tf.mul(x, tf.sum(w, 1, true)), tf.matMul(w, p));
  const gp = tf.sub(tf.mul(p, tf.reshape(tf.sum(w, 0), [k, 1])), tf.matMul(w, x, true, false));
  return [gx, gp];
}

/** s = max(‖x‖² + ‖p‖² − 2·x·pᵀ, 0), [N, K]. */
export function squaredDistances(x: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor2D {
  const k = p.shape[0];
  const xx = tf.sum(tf.square(x), 1, true);
  const pp = tf.reshape(tf.sum(tf.square(p), 1), [1, k]);
  const xp = tf.matMul(x, p, false, true);
  return tf.relu(tf.add(tf.sub(xx, tf.mul(xp, 2)), pp)) as tf.Tensor2D;
}

/**
 * Metrics that are a function g(C) of the cosine C = x·pᵀ/(‖x‖‖p‖). With G = dy·g'(C):
 * ∂/∂x_n = (Σ_k G_nk p_k/‖p_k‖ − (Σ_k G_nk C_nk) x_n/‖x_n‖) / ‖x_n‖, and symmetrically for p.
 */
function angularOp(squared: boolean) {
  return binaryOp((x, p, save) => {
    const k = p.shape[0];
    const invX = inverseNorms(x); // [N, 1]
    const invP = tf.reshape(inverseNorms(p), [1, k]); // [1, K]
    const cos = tf.mul(tf.mul(tf.matMul(x, p, false, true), invX), invP);
    const value = squared ? tf.neg(tf.square(tf.sub(1, cos))) : tf.sub(cos, 1);
    save([x, p, cos, invX, invP]);
    const gradFunc: Grad = (dy, [xs, ps, c, ix, ip]) => {
      // g(C) = C − 1: g' = 1;  g(C) = −(1 − C)²: g' = 2(1 − C).
      const g = squared ? tf.mul(dy, tf.mul(tf.sub(1, c), 2)) : dy;
      const gc = tf.mul(g, c);
      const gx = tf.mul(
        tf.sub(tf.matMul(tf.mul(g, ip), ps), tf.mul(tf.mul(xs, ix), tf.sum(gc, 1, true))),
        ix,
      );
      const ipCol = tf.reshape(ip, [k, 1]);
      const gp = tf.mul(
        tf.sub(tf.matMul(tf.mul(g, ix), xs, true, false), tf.mul(tf.mul(ps, ipCol), tf.reshape(tf.sum(gc, 0), [k, 1]))),
        ipCol,
      );
      return [gx, gp];
    };
    return { value, gradFunc };
  });
}

/** 1 / max(‖row‖, eps), [rows, 1]. */
function inverseNorms(a: tf.Tensor2D): tf.Tensor2D {
  return tf.div(1, tf.maximum(tf.sqrt(tf.sum(tf.square(a), 1, true)), NORM_EPS));
}
