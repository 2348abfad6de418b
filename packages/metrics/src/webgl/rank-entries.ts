// Where each triplet's slope lands in W (./rank-programs), listed per 2×2 block of the K×K matrix: GLSL cannot
// scatter, so each texel of W gathers the entries of its own block. Built on the CPU from the triplets alone (they
// are drawn or read there), with nothing read back from the GPU, in O(T + K²/4) by a counting sort.
import type { ClassTriplets } from '../random';

export interface BlockEntries {
  /** [blocks, 2]: per 2×2 block (row-major over ⌈K/2⌉² blocks), its first entry and the end of its entries. */
  ranges: Float32Array;
  /** [E, 2]: the triplet t, and 2·(component of the block) + 1 when the slope is subtracted (the k side). */
  entries: Float32Array;
  count: number;
}

/**
 * The entries of G, ∂L/∂d_ij at (i, j): each triplet (i, j, k) adds its slope at (i, j) and subtracts it at (i, k)
 * (W = G + Gᵀ reads each block and its transpose). A pair of a class with itself has d = 0 and no gradient, so it
 * lists nothing. Triplets grouped by anchor (../rank/anchor-order) fill one block row at a time, in cache.
 */
export function blockEntries({ i, j, k: l }: ClassTriplets, k: number): BlockEntries {
  const perRow = Math.ceil(k / 2);
  const blocks = perRow * perRow;
  const size = i.length;
  const counts = new Int32Array(blocks + 1);
  for (let t = 0; t < size; t++) {
    const row = (i[t] >> 1) * perRow + 1;
    if (i[t] !== j[t]) counts[row + (j[t] >> 1)]++;
    if (i[t] !== l[t]) counts[row + (l[t] >> 1)]++;
  }
  for (let b = 0; b < blocks; b++) counts[b + 1] += counts[b];
  const total = counts[blocks];
  const ranges = new Float32Array(2 * blocks);
  for (let b = 0; b < blocks; b++) {
    ranges[2 * b] = counts[b];
    ranges[2 * b + 1] = counts[b + 1];
  }
  const entries = new Float32Array(2 * Math.max(total, 1));
  for (let t = 0; t < size; t++) {
    const a = i[t];
    const row = (a >> 1) * perRow;
    const half = 2 * (a & 1);
    for (let side = 0; side < 2; side++) {
      const c = side === 0 ? j[t] : l[t];
      if (c === a) continue;
      const slot = counts[row + (c >> 1)]++;
      entries[2 * slot] = t;
      entries[2 * slot + 1] = 2 * (half + (c & 1)) + side;
    }
  }
  return { ranges, entries, count: total };
}
