// P·Pᵀ is symmetric, so only the blocks on and above the diagonal are computed: with b row blocks that is
// b(b + 1)/2 of b² block products, 3/5 of the full product at b = 5 (K = 1,000) and ~1/2 for large K. Each block is
// read on the host as soon as it is computed (callers use this on host-memory backends only).
import * as tf from '@tensorflow/tfjs-core';
import { heapView } from '../internal/host-memory';
import { hostUpperGramBlocks, multipliesOnHost } from '../simd/gemm-kernels';

/**
 * Rows per block: small enough to skip most of the lower triangle, large enough for the product to run near peak.
 * At K = 1,000 on wasm the upper blocks took 0.636 of the full product with 200 rows, 0.648 with 256 and 125.
 */
const MIN_BLOCK_ROWS = 200;
const MAX_BLOCKS = 32;

export interface GramBlock {
  /** First row (i) and first column (j) of the block in P·Pᵀ. */
  rowStart: number;
  colStart: number;
  rows: number;
  cols: number;
  /**
   * rows × cols, row-major: p_i · p_j where j ≥ i (below the diagonal, a block on it may hold anything). Valid only
   * during the visit (it may be a view of the backend's memory).
   */
  values: Float32Array;
}

/** The rows (and columns) of the largest Gram block at K classes: K, or a multiple of 8 (the SIMD product's width). */
export function gramBlockRows(k: number): number {
  return Math.min(k, Math.ceil(Math.max(MIN_BLOCK_ROWS, k / MAX_BLOCKS) / 8) * 8);
}

/** Calls `visit` with every block of P·Pᵀ [K, K] that holds an entry (i, j) with i ≤ j; only those entries are read. */
export function forEachUpperGramBlock(p: tf.Tensor2D, visit: (block: GramBlock) => void): void {
  const k = p.shape[0];
  const blockRows = gramBlockRows(k);
  const starts: number[] = [];
  for (let start = 0; start < k; start += blockRows) starts.push(start);
  if (multipliesOnHost(k) && visitHostProducts(p, blockRows, visit)) return;
  const blocks = rowBlocks(p, starts, blockRows);
  // tfjs-wasm multiplies through XNNPACK only without transpose flags (../internal/fast-matmul): there each block
  // is transposed once, not once per product.
  const wasm = tf.getBackend() === 'wasm';
  const transposed = wasm ? blocks.map((block) => tf.transpose(block) as tf.Tensor2D) : [];
  try {
    for (let a = 0; a < blocks.length; a++) {
      for (let b = a; b < blocks.length; b++) {
        const product = wasm ? tf.matMul(blocks[a], transposed[b]) : tf.matMul(blocks[a], blocks[b], false, true);
        try {
          const values = heapView(product) ?? (product.dataSync() as Float32Array);
          visit({ rowStart: starts[a], colStart: starts[b], rows: blocks[a].shape[0], cols: blocks[b].shape[0], values });
        } finally {
          product.dispose();
        }
      }
    }
  } finally {
    tf.dispose([...blocks, ...transposed]);
  }
}

/**
 * The blocks from the bundled SIMD product (../simd/gemm-kernels) on P's own array: tfjs-cpu multiplies in JavaScript
 * loops, ~30× slower. False, before any visit, where the engine lacks WebAssembly SIMD.
 */
function visitHostProducts(p: tf.Tensor2D, blockRows: number, visit: (block: GramBlock) => void): boolean {
  const values = p.dataSync() as Float32Array;
  return hostUpperGramBlocks({ values, shape: p.shape }, blockRows, (rowStart, colStart, rows, cols, block) =>
    visit({ rowStart, colStart, rows, cols, values: block }),
  );
}

/**
 * P's rows [start, start + rows) as tensors. tfjs-wasm slices through a copy of the whole input on the host (four
 * slices of a [1000, 128] P took 1.6 ms, a fifth of a product), so there the rows are read once and uploaded.
 */
function rowBlocks(p: tf.Tensor2D, starts: number[], blockRows: number): tf.Tensor2D[] {
  const [k, dim] = p.shape;
  if (tf.getBackend() !== 'wasm') return starts.map((start) => tf.slice(p, [start, 0], [Math.min(blockRows, k - start), dim]));
  const values = p.dataSync() as Float32Array;
  return starts.map((start) => {
    const rows = Math.min(blockRows, k - start);
    return tf.tensor2d(values.subarray(start * dim, (start + rows) * dim), [rows, dim]);
  });
}
