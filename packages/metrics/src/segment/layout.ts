// The structure of a segmentation, computed once on the CPU from the ids: members of each segment, grouped.
// Kernels and the built-in path both work from it, so no shader or op ever scans all ids for every output.

export interface SegmentLayout {
  readonly numSegments: number;
  /** The ids, validated: integers in [0, numSegments). */
  readonly ids: Int32Array;
  /** Members per segment, length numSegments. */
  readonly counts: Int32Array;
  /** CSR offsets, length numSegments + 1: segment s owns order[offsets[s] .. offsets[s + 1]). */
  readonly offsets: Int32Array;
  /** Member positions grouped by segment, each group in increasing position (a stable counting sort). */
  readonly order: Int32Array;
  /** Largest segment size. */
  readonly maxCount: number;
  /** Number of segments with at least one member. */
  readonly nonEmpty: number;
}

/** Builds the layout of already-validated ids by a counting sort: O(N + S). */
export function buildSegmentLayout(ids: Int32Array, numSegments: number): SegmentLayout {
  const counts = new Int32Array(numSegments);
  for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
  const offsets = new Int32Array(numSegments + 1);
  let maxCount = 0;
  let nonEmpty = 0;
  for (let s = 0; s < numSegments; s++) {
    offsets[s + 1] = offsets[s] + counts[s];
    if (counts[s] > maxCount) maxCount = counts[s];
    if (counts[s] > 0) nonEmpty++;
  }
  const cursor = offsets.slice(0, numSegments);
  const order = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) order[cursor[ids[i]]++] = i;
  return { numSegments, ids, counts, offsets, order, maxCount, nonEmpty };
}
