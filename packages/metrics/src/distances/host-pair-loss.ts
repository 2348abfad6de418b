// A scalar loss of the distances between all rows of P [K, d], computed in host memory (cpu, wasm, tfjs-node).
// Forward: the upper blocks of P·Pᵀ (../distances/gram-blocks) turned into distances in one loop, the loss and its
// gradient by the caller's loop over pairs. Backward: ONE product W·P. The element-wise work that a chain of tfjs
// kernels spreads over ~20 K×K passes (each a fresh K×K tensor) is a few loops over the upper triangle here.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { unitRows, unitRowsBackward } from './cross';
import { forEachUpperGramBlock } from './gram-blocks';
import type { Metric } from './metric';

/**
 * The distances d_ij at `distances[i * K + j]` for i < j, for i > j too when the loss asked for `mirrored`
 * distances, and 0 on the diagonal. Returns the loss and adds ∂L/∂d_ij into `gradient[i * K + j]` (which arrives
 * filled with zeros) for either order: the gradient of the unordered pair is the sum of its two entries, and
 * anything on the diagonal is ignored.
 */
export type PairLossOfDistances = (distances: Float32Array, gradient: Float32Array, k: number) => number;

interface HostDistances {
  distances: Float32Array;
  /** Saved for the backward pass: P for the squared forms, unit rows and norms for the cosine. */
  saved: tf.Tensor[];
}

function euclideanFamily(p: tf.Tensor2D, squared: boolean, mirrored: boolean): HostDistances {
  const k = p.shape[0];
  const normsTensor = tf.tidy(() => tf.sum(tf.square(p), 1));
  const norms = Float32Array.from(normsTensor.dataSync());
  normsTensor.dispose();
  const distances = new Float32Array(k * k);
  forEachUpperGramBlock(p, ({ rowStart, colStart, rows, cols, values }) => {
    for (let r = 0; r < rows; r++) {
      const i = rowStart + r;
      const first = Math.max(0, i + 1 - colStart); // only j > i
      for (let c = first; c < cols; c++) {
        const j = colStart + c;
        // Clamped at 0: rounding can make ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j slightly negative for close points.
        const sq = Math.max(norms[i] + norms[j] - 2 * values[r * cols + c], 0);
        distances[i * k + j] = squared ? sq : Math.sqrt(sq);
      }
      if (mirrored) mirrorBlockRow(distances, k, i, colStart, cols);
    }
  });
  return { distances, saved: [p] };
}

function cosine(p: tf.Tensor2D, mirrored: boolean): HostDistances {
  const k = p.shape[0];
  const { unit, norm } = unitRows(p);
  const distances = new Float32Array(k * k);
  forEachUpperGramBlock(unit, ({ rowStart, colStart, rows, cols, values }) => {
    for (let r = 0; r < rows; r++) {
      const i = rowStart + r;
      for (let c = Math.max(0, i + 1 - colStart); c < cols; c++) distances[i * k + colStart + c] = Math.max(1 - values[r * cols + c], 0);
      if (mirrored) mirrorBlockRow(distances, k, i, colStart, cols);
    }
  });
  return { distances, saved: [unit, norm] };
}

/**
 * Copies row i's entries above the diagonal in columns [colStart, colStart + cols) to column i: within one Gram
 * block, so the strided writes stay in cache.
 */
function mirrorBlockRow(distances: Float32Array, k: number, i: number, colStart: number, cols: number): void {
  for (let j = Math.max(colStart, i + 1), end = colStart + cols; j < end; j++) distances[j * k + i] = distances[i * k + j];
}

/**
 * W (symmetric, zero diagonal) in place of the gradient, with ∂d/∂(the product's entry) folded in, and its
 * row sums: W_ij = (∂L/∂d_ij + ∂L/∂d_ji) / 2d_ij for the euclidean metric (0 where d = 0, as the subgradient of
 * √ at 0), the pair gradient itself for the squared and cosine forms (their sign and factor 2 are the backward's).
 */
function symmetricWeights(gradient: Float32Array, distances: Float32Array, k: number, metric: Metric): Float32Array {
  const rowSums = new Float32Array(k);
  for (let i = 0; i < k; i++) {
    gradient[i * k + i] = 0;
    for (let j = i + 1; j < k; j++) {
      let w = gradient[i * k + j] + gradient[j * k + i];
      if (metric === 'euclidean') {
        const d = distances[i * k + j];
        w = d > 0 ? w / (2 * d) : 0;
      }
      gradient[i * k + j] = w;
      gradient[j * k + i] = w;
      rowSums[i] += w;
      rowSums[j] += w;
    }
  }
  return rowSums;
}

export interface HostPairLossOptions {
  /** Fill the distances below the diagonal too, for losses that read d_ij in both orders (rows of the matrix). */
  mirrored?: boolean;
}

/** L(d(P)) with d the `metric` distances between the rows of P, forward and backward on the host. */
export function hostPairLoss(
  points: tf.Tensor2D,
  metric: Metric,
  lossOf: PairLossOfDistances,
  { mirrored = false }: HostPairLossOptions = {},
): tf.Scalar {
  const op = customOp<tf.Scalar>(([input], save) => {
    const p = input as tf.Tensor2D;
    const k = p.shape[0];
    const host = metric === 'cosine' ? cosine(p, mirrored) : euclideanFamily(p, metric === 'sqeuclidean', mirrored);
    const gradient = new Float32Array(k * k);
    const value = lossOf(host.distances, gradient, k);
    const rowSums = symmetricWeights(gradient, host.distances, k, metric);
    const w = tf.tensor2d(gradient, [k, k]);
    const sums = tf.tensor2d(rowSums, [k, 1]);
    save([...host.saved, w, sums]);
    return {
      value: tf.scalar(value),
      gradFunc: (dy, saved) => {
        if (metric === 'cosine') {
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
