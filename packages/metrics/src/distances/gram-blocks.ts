// P·Pᵀ is symmetric, so only the blocks on and above the diagonal are computed: with b row blocks that is
// b(b + 1)/2 of b² block products, about 5/8 of the full product at b = 4 and ~1/2 for large K. Each block is read
// back to the host as soon as it is computed (callers use this on host-memory backends only).
import * as tf from '@tensorflow/tfjs-core';
import { matMulABt } from '../internal/fast-matmul';

/** Rows per block: small enough to skip most of the lower triangle, large enough for the product to run near peak. */
const MIN_BLOCK_ROWS = 256;
const MAX_BLOCKS = 32;

export interface GramBlock {
  /** First row (i) and first column (j) of the block in P·Pᵀ. */
  rowStart: number;
  colStart: number;
  rows: number;
  cols: number;
  /** rows × cols, row-major: p_i · p_j. */
  values: ArrayLike<number>;
}

/** Calls `visit` with every block of P·Pᵀ [K, K] that holds an entry (i, j) with i ≤ j. */
export function forEachUpperGramBlock(p: tf.Tensor2D, visit: (block: GramBlock) => void): void {
  const [k, dim] = p.shape;
  const blockRows = Math.max(MIN_BLOCK_ROWS, Math.ceil(k / MAX_BLOCKS));
  const starts: number[] = [];
  for (let start = 0; start < k; start += blockRows) starts.push(start);
  const blocks = starts.map((start) => tf.slice(p, [start, 0], [Math.min(blockRows, k - start), dim]) as tf.Tensor2D);
  try {
    for (let a = 0; a < blocks.length; a++) {
      for (let b = a; b < blocks.length; b++) {
        const product = matMulABt(blocks[a], blocks[b]);
        const values = product.dataSync();
        product.dispose();
        visit({ rowStart: starts[a], colStart: starts[b], rows: blocks[a].shape[0], cols: blocks[b].shape[0], values });
      }
    }
  } finally {
    tf.dispose(blocks);
  }
}
