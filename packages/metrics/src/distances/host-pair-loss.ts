// A scalar loss of the distances between all rows of P [K, d], computed in host memory (cpu, wasm, tfjs-node) by
// JavaScript loops: the upper blocks of P·Pᵀ (./gram-blocks) turned into distances in one loop, the loss and its
// gradient by the caller's loop over pairs, then W for the one backward product (./pair-weights-op). The
// element-wise work that a chain of tfjs kernels spreads over ~20 K×K passes is a few loops here.
import type * as tf from '@tensorflow/tfjs-core';
import { forEachUpperGramBlock } from './gram-blocks';
import type { Metric } from './metric';
import { pairWeightsOp, squaredRowNorms } from './pair-weights-op';

/**
 * The distances d_ij at `distances[i * K + j]` for i < j, for i > j too when the loss asked for `mirrored`
 * distances, and 0 on the diagonal. Returns the loss and adds ∂L/∂d_ij into `gradient[i * K + j]` (which arrives
 * filled with zeros) for either order: the gradient of the unordered pair is the sum of its two entries, and
 * anything on the diagonal is ignored.
 */
export type PairLossOfDistances = (distances: Float32Array, gradient: Float32Array, k: number) => number;

function euclideanFamily(p: tf.Tensor2D, squared: boolean, mirrored: boolean): Float32Array {
  const k = p.shape[0];
  const norms = squaredRowNorms(p);
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
  return distances;
}

/** `unit`: the rows scaled to unit norm (./pair-weights-op). */
function cosine(unit: tf.Tensor2D, mirrored: boolean): Float32Array {
  const k = unit.shape[0];
  const distances = new Float32Array(k * k);
  forEachUpperGramBlock(unit, ({ rowStart, colStart, rows, cols, values }) => {
    for (let r = 0; r < rows; r++) {
      const i = rowStart + r;
      for (let c = Math.max(0, i + 1 - colStart); c < cols; c++) distances[i * k + colStart + c] = Math.max(1 - values[r * cols + c], 0);
      if (mirrored) mirrorBlockRow(distances, k, i, colStart, cols);
    }
  });
  return distances;
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
 * Tile by tile, so that reading and writing the transposed entries stays in cache: row by row, every transposed
 * access was a cache miss, and the pass took as long as the distances themselves.
 */
function symmetricWeights(gradient: Float32Array, distances: Float32Array, k: number, metric: Metric): Float32Array {
  // float32 sums added in the row-by-row order of one tile: up to 64 classes, the order of the untiled loop.
  const rowSums = new Float32Array(k);
  const euclidean = metric === 'euclidean';
  for (let i0 = 0; i0 < k; i0 += WEIGHT_TILE) {
    const i1 = Math.min(i0 + WEIGHT_TILE, k);
    for (let j0 = i0; j0 < k; j0 += WEIGHT_TILE) {
      const j1 = Math.min(j0 + WEIGHT_TILE, k);
      for (let i = i0; i < i1; i++) {
        for (let j = Math.max(j0, i + 1); j < j1; j++) {
          let w = gradient[i * k + j] + gradient[j * k + i];
          if (euclidean) {
            const d = distances[i * k + j];
            w = d > 0 ? w / (2 * d) : 0;
          }
          gradient[i * k + j] = w;
          gradient[j * k + i] = w;
          rowSums[i] += w;
          rowSums[j] += w;
        }
      }
    }
  }
  for (let i = 0; i < k; i++) gradient[i * k + i] = 0;
  return rowSums;
}

/** Rows and columns of a tile of W: two 64×64 float32 tiles of the gradient fit in a 32 KiB L1 cache. */
const WEIGHT_TILE = 64;

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
  return pairWeightsOp(points, metric, (rows) => {
    const k = rows.shape[0];
    const distances = metric === 'cosine' ? cosine(rows, mirrored) : euclideanFamily(rows, metric === 'sqeuclidean', mirrored);
    const weights = new Float32Array(k * k);
    const value = lossOf(distances, weights, k);
    const rowSums = symmetricWeights(weights, distances, k, metric);
    return { value, weights, rowSums };
  });
}
