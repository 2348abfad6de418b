// The differentiable op shared by the host-memory pair losses: a forward pass that turns the Gram matrix of P's rows
// into the loss and a symmetric weight matrix W, and a backward pass that is ONE product W·P. Whoever computes W
// (JavaScript loops, or the WebAssembly kernels of ../simd) plugs in here.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { hostProduct, multipliesOnHost } from '../simd/gemm-kernels';
import type { KernelLoan } from '../simd/kernel-module';
import { unitRows, unitRowsBackward } from './cross';
import type { Metric } from './metric';

/**
 * The loss and W [K, K] (symmetric, zero diagonal, row-major) with its row sums: W_ij = ∂L/∂(p_i·p_j) up to the
 * backward's sign and factor 2 — for the euclidean metric (∂L/∂d_ij + ∂L/∂d_ji) / 2d_ij, for the squared and cosine
 * forms the pair gradient itself. pairWeightsOp may overwrite W's diagonal.
 */
export interface PairWeights {
  value: number;
  weights: Float32Array;
  rowSums: ArrayLike<number>;
  /** Where `weights` is a view of kernel memory that later calls overwrite: lends it to the backward pass. */
  lend?: (view: Float32Array) => KernelLoan;
}

/**
 * Computes PairWeights from `rows`: P itself for the euclidean forms, P's rows scaled to unit norm for the cosine
 * (whose distances are 1 − their Gram matrix).
 */
export type PairForward = (rows: tf.Tensor2D) => PairWeights;

/** ‖p_i‖² of every row, on the host. */
export function squaredRowNorms(p: tf.Tensor2D): Float32Array {
  const norms = tf.tidy(() => tf.sum(tf.square(p), 1));
  const values = Float32Array.from(norms.dataSync());
  norms.dispose();
  return values;
}

/**
 * W·X for W [K, K] on the host and X [K, d]: on tfjs-cpu with the bundled SIMD product (../simd/gemm-kernels), ~30×
 * faster than tfjs-cpu's JavaScript loops; elsewhere, or without WebAssembly SIMD, with tfjs's matMul.
 */
function weightsTimes(weights: Float32Array, x: tf.Tensor2D): tf.Tensor2D {
  const k = x.shape[0];
  if (multipliesOnHost(k)) {
    const product = hostProduct({ values: weights, shape: [k, k] }, { values: x.dataSync() as Float32Array, shape: x.shape });
    if (product) return tf.tensor2d(product, x.shape);
  }
  return tf.tidy(() => tf.matMul(tf.tensor2d(weights, [k, k]), x));
}

/**
 * L(d(P)) for d the `metric` distances between the rows of P, with `forward` computing L and W on the host.
 *
 * W reaches the backward pass as a host array, not as a saved tensor: tfjs saves a tensor by cloning it, and on
 * tfjs-wasm that K×K copy cost 0.6–0.9 ms of an 18–19 ms distortion step at K = 1,000, and kept a K×K tensor alive
 * from the forward pass to the backward one.
 */
export function pairWeightsOp(points: tf.Tensor2D, metric: Metric, forward: PairForward): tf.Scalar {
  const op = customOp<tf.Scalar>(([input], save) => {
    const p = input as tf.Tensor2D;
    const k = p.shape[0];
    const cosine = metric === 'cosine' ? unitRows(p) : null;
    const { value, weights, rowSums, lend } = forward(cosine ? cosine.unit : p);
    // sq_ij = ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j: ∂L/∂P = 2(P ⊙ rowsum(W) − W·P) = −2(W − diag(rowsum(W)))·P, one product
    // once the row sums sit on W's (zero) diagonal with their sign flipped.
    if (!cosine) for (let i = 0; i < k; i++) weights[i * k + i] = -rowSums[i];
    const kept = tf.memory().numTensors;
    save(cosine ? [cosine.unit, cosine.norm] : [p]);
    // save() clones only while a gradient is being recorded: otherwise no backward pass will ask for W.
    const recorded = tf.memory().numTensors > kept;
    const loan = recorded ? (lend?.(weights) ?? { read: () => weights, end: () => {} }) : null;
    return {
      value: tf.scalar(value),
      gradFunc: (dy, saved) => {
        if (!loan) throw new Error('pairWeightsOp: a backward pass that was not recorded');
        // Read at once, before anything else can run in the kernel memory that may hold it.
        const rows = saved[0] as tf.Tensor2D;
        const product = weightsTimes(loan.read(), rows);
        loan.end();
        if (cosine) {
          // d = 1 − UUᵀ: ∂L/∂U = −W·U, then back through U = P / ‖P‖.
          return [tf.mul(unitRowsBackward(tf.neg(product) as tf.Tensor2D, rows, saved[1] as tf.Tensor2D), dy)];
        }
        return [tf.mul(product, tf.mul(dy, -2))];
      },
    };
  });
  return op(points);
}
