// The prototype-logits op on tfjs-backend-cpu: the same three products as the kernel chain (./kernel), with every
// element-wise step fused into one loop on the host arrays. tfjs-cpu runs each element-wise op as its own JS loop
// over a fresh [N, K] array (about ten of them forward + backward, ~12% of a step at B 256, d 512, K 1,000);
// on the cpu backend, reading a tensor and creating one from a Float32Array are free (no copy). The products run as
// @mgp/metrics' WebAssembly SIMD kernel where the engine has one: tfjs-cpu multiplies in JavaScript loops, ~30×
// slower at [256, 512]·[512, 1000].
import * as tf from '@tensorflow/tfjs-core';
import { hostMatMul, type HostMatMulOptions, type HostMatrix } from '@mgp/metrics';
import type { ResolvedMetric } from './metric';

/** Norm floor of the cosine metrics, as ./kernel. */
const NORM_EPS = 1e-8;

const host = (t: tf.Tensor): Float32Array => t.dataSync() as Float32Array;

const matrix = (t: tf.Tensor2D): HostMatrix => ({ values: host(t), shape: t.shape });

/** op(a)·op(b) on host arrays: the SIMD kernel, or tfjs's product where the engine lacks WebAssembly SIMD. */
function multiply(a: HostMatrix, b: HostMatrix, options: HostMatMulOptions = {}): Float32Array {
  const viaKernel = hostMatMul(a, b, options);
  if (viaKernel) return viaKernel;
  return tf.tidy(() => {
    const product = tf.matMul(tf.tensor2d(a.values, a.shape), tf.tensor2d(b.values, b.shape), options.transposeA, options.transposeB);
    // tfjs-cpu hands out its own array, which outlives the disposed tensor.
    return host(product);
  });
}

function rowSquaredNorms(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = r * cols, end = c + cols; c < end; c++) sum += a[c] * a[c];
    out[r] = sum;
  }
  return out;
}

/** Row and column sums of a [n, k] (of a ⊙ by when `by` is given). */
function rowAndColumnSums(a: Float32Array, n: number, k: number, by?: Float32Array): { rowSums: Float32Array; colSums: Float32Array } {
  const rowSums = new Float32Array(n);
  const colSums = new Float32Array(k);
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0, at = i * k; j < k; j++, at++) {
      const v = by ? a[at] * by[at] : a[at];
      rowSum += v;
      colSums[j] += v;
    }
    rowSums[i] = rowSum;
  }
  return { rowSums, colSums };
}

/** scale[r]·a[r, :] − b[r, :] as a new [rows, cols] tensor. */
function scaledRowsMinus(a: Float32Array, scale: Float32Array, b: Float32Array, rows: number, cols: number): tf.Tensor2D {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const s = scale[r];
    for (let c = r * cols, end = c + cols; c < end; c++) out[c] = s * a[c] - b[c];
  }
  return tf.tensor2d(out, [rows, cols]);
}

/** The gradient pair (∂/∂x, ∂/∂p) from W [N, K] and its row / column sums: scale·rows − product, for both sides. */
function gradientsFromWeights(
  w: Float32Array,
  rowSums: Float32Array,
  colSums: Float32Array,
  x: tf.Tensor2D,
  p: tf.Tensor2D,
): [tf.Tensor2D, tf.Tensor2D] {
  const [n, d] = x.shape;
  const k = p.shape[0];
  const weights: HostMatrix = { values: w, shape: [n, k] };
  const wp = multiply(weights, matrix(p));
  const wtx = multiply(weights, matrix(x), { transposeA: true });
  return [scaledRowsMinus(host(x), rowSums, wp, n, d), scaledRowsMinus(host(p), colSums, wtx, k, d)];
}

/** v = f(s), s = ‖x − p‖², and W = 2·dy·f'(s) with ∂/∂x_n = Σ_k W_nk (x_n − p_k) (as ./kernel's radialOp). */
function radial(x: tf.Tensor2D, p: tf.Tensor2D, { metric, delta }: ResolvedMetric) {
  const [n, d] = x.shape;
  const k = p.shape[0];
  const nx = rowSquaredNorms(host(x), n, d);
  const np = rowSquaredNorms(host(p), k, d);
  const product = multiply(matrix(x), matrix(p), { transposeB: true });
  const value = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let j = 0, at = i * k; j < k; j++, at++) {
      const s = Math.max(nx[i] + np[j] - 2 * product[at], 0);
      value[at] = metric === 'sqeuclidean' ? -s : metric === 'euclidean' ? -Math.sqrt(s) : -delta * (Math.sqrt(1 + s / (delta * delta)) - 1);
    }
  }
  const weights = (dy: Float32Array, v: Float32Array) => {
    const w = new Float32Array(n * k);
    for (let at = 0; at < n * k; at++) {
      // sqeuclidean: −2·dy; euclidean: dy / v (0 where x = p, a finite subgradient); pseudo-Huber: dy / (v − δ).
      w[at] = metric === 'sqeuclidean' ? -2 * dy[at] : metric === 'euclidean' ? (v[at] < 0 ? dy[at] / v[at] : 0) : dy[at] / (v[at] - delta);
    }
    return { w, ...rowAndColumnSums(w, n, k) };
  };
  return { value, weights };
}

/** Rows scaled to unit norm (floored at NORM_EPS), with the inverse norms. */
function unitRows(a: Float32Array, rows: number, cols: number): { unit: tf.Tensor2D; inverse: Float32Array } {
  const norms = rowSquaredNorms(a, rows, cols);
  const inverse = norms.map((s) => 1 / Math.max(Math.sqrt(s), NORM_EPS));
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = r * cols, end = c + cols; c < end; c++) out[c] = a[c] * inverse[r];
  return { unit: tf.tensor2d(out, [rows, cols]), inverse };
}

export type HostLogitsOp = (x: tf.Tensor2D, p: tf.Tensor2D) => tf.Tensor2D;

/** The radial metrics (euclidean, sqeuclidean, pseudo-Huber) as one custom-gradient op on host arrays. */
export function hostRadialOp(metric: ResolvedMetric): HostLogitsOp {
  const op = tf.customGrad(((x: tf.Tensor2D, p: tf.Tensor2D, save: tf.GradSaveFunc) => {
    const [n] = x.shape;
    const k = p.shape[0];
    const { value, weights } = radial(x, p, metric);
    const v = tf.tensor2d(value, [n, k]);
    save([x, p, v]);
    return {
      value: v,
      gradFunc: (dy: tf.Tensor, [xs, ps, vs]: tf.Tensor[]) => {
        const { w, rowSums, colSums } = weights(host(dy), host(vs));
        return gradientsFromWeights(w, rowSums, colSums, xs as tf.Tensor2D, ps as tf.Tensor2D);
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad<tf.Tensor2D>>[0]);
  return (x, p) => op(x, p) as tf.Tensor2D;
}

/**
 * The angular metrics: v = g(C), C = x̂·p̂ᵀ, g(C) = C − 1 (cosine) or −(1 − C)² (hyperspherical). With G = dy·g'(C):
 * ∂/∂x_n = (Σ_k G_nk p̂_k − (Σ_k G_nk C_nk) x̂_n) / ‖x_n‖, and symmetrically for p (as ./kernel's angularOp).
 */
export function hostAngularOp(squared: boolean): HostLogitsOp {
  const op = tf.customGrad(((x: tf.Tensor2D, p: tf.Tensor2D, save: tf.GradSaveFunc) => {
    const [n, d] = x.shape;
    const k = p.shape[0];
    const ux = unitRows(host(x), n, d);
    const up = unitRows(host(p), k, d);
    const cos = multiply(matrix(ux.unit), matrix(up.unit), { transposeB: true });
    const cosTensor = tf.tensor2d(cos, [n, k]);
    const value = new Float32Array(n * k);
    for (let at = 0; at < n * k; at++) value[at] = squared ? -((1 - cos[at]) ** 2) : cos[at] - 1;
    save([ux.unit, up.unit, cosTensor, tf.tensor1d(ux.inverse), tf.tensor1d(up.inverse)]);
    return {
      value: tf.tensor2d(value, [n, k]),
      gradFunc: (dy: tf.Tensor, [uxs, ups, cs, ixs, ips]: tf.Tensor[]) => {
        const dyv = host(dy);
        const c = host(cs);
        const g = new Float32Array(n * k);
        for (let at = 0; at < n * k; at++) g[at] = squared ? 2 * dyv[at] * (1 - c[at]) : dyv[at];
        const { rowSums, colSums } = rowAndColumnSums(g, n, k, c);
        // gradientsFromWeights gives rowSum·û − G·p̂ = −(∂ before the norm); flip the sign and divide by the norms.
        const [mx, mp] = gradientsFromWeights(g, rowSums, colSums, uxs as tf.Tensor2D, ups as tf.Tensor2D);
        const gx = scaleRowsBy(host(mx), host(ixs), n, d, -1);
        const gp = scaleRowsBy(host(mp), host(ips), k, d, -1);
        tf.dispose([mx, mp]);
        return [gx, gp];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad<tf.Tensor2D>>[0]);
  return (x, p) => op(x, p) as tf.Tensor2D;
}

function scaleRowsBy(a: Float32Array, scale: Float32Array, rows: number, cols: number, sign: number): tf.Tensor2D {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const s = sign * scale[r];
    for (let c = r * cols, end = c + cols; c < end; c++) out[c] = s * a[c];
  }
  return tf.tensor2d(out, [rows, cols]);
}
