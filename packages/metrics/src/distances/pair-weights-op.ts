// The differentiable op shared by the host-memory pair losses: a forward pass that turns the Gram matrix of P's rows
// into the loss and a symmetric weight matrix W, and a backward pass that is ONE product W·P. Whoever computes W
// (JavaScript loops, or the WebAssembly kernels of ../simd) plugs in here.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { copiesArraysIntoTensors } from '../internal/host-memory';
import { unitRows, unitRowsBackward } from './cross';
import type { Metric } from './metric';

/**
 * The loss and W [K, K] (symmetric, zero diagonal, row-major) with its row sums: W_ij = ∂L/∂(p_i·p_j) up to the
 * backward's sign and factor 2 — for the euclidean metric (∂L/∂d_ij + ∂L/∂d_ji) / 2d_ij, for the squared and cosine
 * forms the pair gradient itself.
 */
export interface PairWeights {
  value: number;
  weights: Float32Array;
  rowSums: ArrayLike<number>;
  /** `weights` is a view of memory that the next call overwrites (kernel memory): copied unless the backend copies. */
  scratch?: boolean;
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

/** L(d(P)) for d the `metric` distances between the rows of P, with `forward` computing L and W on the host. */
export function pairWeightsOp(points: tf.Tensor2D, metric: Metric, forward: PairForward): tf.Scalar {
  const op = customOp<tf.Scalar>(([input], save) => {
    const p = input as tf.Tensor2D;
    const k = p.shape[0];
    const cosine = metric === 'cosine' ? unitRows(p) : null;
    const { value, weights, rowSums, scratch = false } = forward(cosine ? cosine.unit : p);
    const w = tf.tensor2d(scratch && !copiesArraysIntoTensors() ? weights.slice() : weights, [k, k]);
    if (cosine) save([cosine.unit, cosine.norm, w]);
    else save([p, w, tf.tensor2d(Float32Array.from(rowSums), [k, 1])]);
    return {
      value: tf.scalar(value),
      gradFunc: (dy, saved) => {
        if (cosine) {
          // d = 1 − UUᵀ: ∂L/∂U = −W·U, then back through U = P / ‖P‖.
          const [unit, norm, sw] = saved as tf.Tensor2D[];
          return [tf.mul(unitRowsBackward(tf.neg(tf.matMul(sw, unit)) as tf.Tensor2D, unit, norm), dy)];
        }
        // sq_ij = ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j: ∂L/∂P = 2(P ⊙ rowsum(W) − W·P).
        const [sp, sw, rowSum] = saved as tf.Tensor2D[];
        return [tf.mul(tf.sub(tf.mul(sp, rowSum), tf.matMul(sw, sp)), tf.mul(dy, 2))];
      },
    };
  });
  return op(points);
}
