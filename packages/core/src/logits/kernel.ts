// Prototype logits of flat embeddings [N, d] against prototypes [K, d] → [N, K], as one custom-gradient op.
// Everything is in matrix-product form: ‖x − p‖² = ‖x‖² + ‖p‖² − 2·x·pᵀ and cos = x̂·p̂ᵀ. The backward pass is
// written out by hand: two matrix products of the forward's size plus a few element-wise ops, no [N, K, d]
// tensor. Which matMul layout is used (transpose flags or a materialized transpose) is up to @mgp/metrics' matMulABt/AtB.
import * as tf from '@tensorflow/tfjs-core';
import { matMulABt, matMulAtB } from '@mgp/metrics';
import { columnSumsAsColumn, scaleRows } from './fast-ops';
import { hostAngularOp, hostRadialOp } from './host-kernel';
import type { ResolvedMetric } from './metric';

/** Norm floor of the cosine metrics (a zero embedding has cosine 0 with every prototype). */
const NORM_EPS = 1e-8;

type Grad = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
type Forward = (x: tf.Tensor2D, p: tf.Tensor2D, save: tf.GradSaveFunc) => { value: tf.Tensor; gradFunc: Grad };

/** Returns logits [N, K] for x [N, d], p [K, d]. Callers validate shapes first. */
export function flatPrototypeLogits(x: tf.Tensor2D, p: tf.Tensor2D, resolved: ResolvedMetric): tf.Tensor2D {
  const { metric, delta } = resolved;
  const angular = metric === 'cosine' || metric === 'hyperspherical';
  // tfjs-cpu pays a JS loop per element-wise op; there the element-wise steps are fused on host arrays.
  if (tf.getBackend() === 'cpu') return (angular ? hostAngularOp(metric === 'hyperspherical') : hostRadialOp(resolved))(x, p);
  const op = angular ? angularOp(metric === 'hyperspherical') : radialOp(metric, delta);
  return op(x, p);
}

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

/**
 * Metrics that are a function v = f(s) of the squared distance s = ‖x − p‖².
 * With W = 2·dy·f'(s): ∂/∂x_n = Σ_k W_nk (x_n − p_k) = rowsum(W)·x_n − (W·P)_n, ∂/∂p_k = colsum(W)·p_k − (Wᵀ·X)_k.
 */
function radialOp(metric: 'euclidean' | 'sqeuclidean' | 'pseudoHuber', delta: number) {
  return binaryOp((x, p, save) => {
    const s = squaredDistances(x, p);
    let value: tf.Tensor;
    if (metric === 'sqeuclidean') value = tf.neg(s);
    else if (metric === 'euclidean') value = tf.neg(tf.sqrt(s));
    else value = tf.mul(tf.sub(tf.sqrt(tf.add(tf.mul(s, 1 / (delta * delta)), 1)), 1), -delta);
    save([x, p, value]);
    const gradFunc: Grad = (dy, [xs, ps, v]) => {
      let w: tf.Tensor2D;
      if (metric === 'sqeuclidean') {
        // v = −s: W = −2·dy
        w = tf.mul(dy, -2) as tf.Tensor2D;
      } else if (metric === 'euclidean') {
        // v = −√s: W = 2·dy·(−1/(2√s)) = dy / v; 0 where x = p (a subgradient, so the gradient stays finite).
        w = tf.where(tf.less(v, 0), tf.div(dy, v), tf.zerosLike(v)) as tf.Tensor2D;
      } else {
        // v = −δ(√(1 + s/δ²) − 1): f'(s) = −1/(2δ√(1 + s/δ²)) = −1/(2(δ − v)), so W = dy / (v − δ).
        w = tf.div(dy, tf.sub(v, delta)) as tf.Tensor2D;
      }
      return radialGrads(w, xs as tf.Tensor2D, ps as tf.Tensor2D);
    };
    return { value, gradFunc };
  });
}

function radialGrads(w: tf.Tensor2D, x: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor[] {
  const gx = tf.sub(scaleRows(x, tf.sum(w, 1, true)), tf.matMul(w, p));
  const gp = tf.sub(scaleRows(p, columnSumsAsColumn(w)), matMulAtB(w, x));
  return [gx, gp];
}

/**
 * s = max(‖x‖² + ‖p‖² − 2·x·pᵀ, 0), [N, K] (the clamp removes float cancellation below zero). The two norms ride
 * in the product itself, [−2x, 1, ‖x‖²]·[p, ‖p‖², 1]ᵀ, so no [N, K] broadcast is needed.
 */
export function squaredDistances(x: tf.Tensor2D, p: tf.Tensor2D): tf.Tensor2D {
  const n = x.shape[0];
  const k = p.shape[0];
  const xx = tf.sum(tf.square(x), 1, true);
  const pp = tf.sum(tf.square(p), 1, true);
  // The factor −2 goes on the smaller operand.
  const [xs, ps] = n <= k ? [tf.mul(x, -2), p] : [x, tf.mul(p, -2)];
  const xAug = tf.concat([xs, tf.ones([n, 1]), xx], 1) as tf.Tensor2D;
  const pAug = tf.concat([ps, pp, tf.ones([k, 1])], 1) as tf.Tensor2D;
  return tf.relu(matMulABt(xAug, pAug));
}

/**
 * Metrics that are a function v = g(C) of the cosine C = x̂·p̂ᵀ (x̂ = x/‖x‖). With G = dy·g'(C):
 * ∂/∂x_n = (Σ_k G_nk p̂_k − (Σ_k G_nk C_nk) x̂_n) / ‖x_n‖, and symmetrically for p.
 */
function angularOp(squared: boolean) {
  return binaryOp((x, p, save) => {
    const invX = inverseNorms(x); // [N, 1]
    const invP = inverseNorms(p); // [K, 1]
    const xh = scaleRows(x, invX);
    const ph = scaleRows(p, invP);
    const cos = matMulABt(xh, ph);
    const value = squared ? tf.neg(tf.square(tf.sub(1, cos))) : tf.sub(cos, 1);
    save([xh, ph, cos, invX, invP]);
    const gradFunc: Grad = (dy, [xhs, phs, c, ix, ip]) => {
      // g(C) = C − 1: g' = 1;  g(C) = −(1 − C)²: g' = 2(1 − C).
      const g = (squared ? tf.mul(dy, tf.mul(tf.sub(1, c), 2)) : dy) as tf.Tensor2D;
      const gc = tf.mul(g, c) as tf.Tensor2D;
      const gx = scaleRows(tf.sub(tf.matMul(g, phs), scaleRows(xhs as tf.Tensor2D, tf.sum(gc, 1, true))), ix as tf.Tensor2D);
      const gp = scaleRows(tf.sub(matMulAtB(g, xhs as tf.Tensor2D), scaleRows(phs as tf.Tensor2D, columnSumsAsColumn(gc))), ip as tf.Tensor2D);
      return [gx, gp];
    };
    return { value, gradFunc };
  });
}

/** 1 / max(‖row‖, eps), [rows, 1]. */
function inverseNorms(a: tf.Tensor2D): tf.Tensor2D {
  return tf.div(1, tf.maximum(tf.sqrt(tf.sum(tf.square(a), 1, true)), NORM_EPS));
}
