// A plan for reducing segments with nothing but gather + reduce-over-an-axis, in memory linear in the input.
//
// Each level gathers the rows of its input into a padded [groups, width] grid (a pad row is appended at index
// `padIndex`), and reduces over `width`. When one segment is much longer than the others, padding every group to
// that length would cost groups × maxCount, so long segments are first cut into chunks of `width` rows, reduced,
// and the chunks are reduced again at the next level. Every level costs at most about 2 × its input rows + 5 × the
// number of non-empty segments, and the longest group shrinks by a factor ≥ 4 per level.
import type { SegmentLayout } from '../layout';

export interface GatherLevel {
  /** Row indices into the level's input, [groups × width] row-major, padded with `padIndex`. */
  readonly index: Int32Array;
  readonly groups: number;
  readonly width: number;
  /** Rows of the level's input; the pad row is appended at this index. */
  readonly padIndex: number;
}

export interface GatherPlan {
  readonly levels: readonly GatherLevel[];
  /**
   * After the last level there is one group per non-empty segment, in segment order. When some segments are
   * empty, `expand[s]` is segment s's group, or `groups` (a pad row) for an empty segment; null when none is empty.
   */
  readonly expand: Int32Array | null;
  readonly groups: number;
}

const MIN_WIDTH = 4;

export function planGather(layout: SegmentLayout): GatherPlan {
  const { numSegments, counts, offsets, order, nonEmpty } = layout;
  const groups = nonEmpty;
  // CSR lists of the non-empty segments over the current level's rows.
  let starts = new Int32Array(groups + 1);
  let items: Int32Array = order;
  let g = 0;
  for (let s = 0; s < numSegments; s++) if (counts[s] > 0) starts[++g] = offsets[s + 1];
  let rows = order.length;
  const levels: GatherLevel[] = [];
  while (groups > 0) {
    let maxLen = 0;
    for (let j = 0; j < groups; j++) maxLen = Math.max(maxLen, starts[j + 1] - starts[j]);
    if (groups * maxLen <= 2 * rows + MIN_WIDTH * groups) {
      levels.push(padLists(starts, items, groups, maxLen, rows));
      break;
    }
    const width = Math.max(MIN_WIDTH, Math.ceil(rows / groups));
    const next = new Int32Array(groups + 1);
    for (let j = 0; j < groups; j++) next[j + 1] = next[j] + Math.ceil((starts[j + 1] - starts[j]) / width);
    const chunks = next[groups];
    const index = new Int32Array(chunks * width).fill(rows);
    for (let j = 0; j < groups; j++) {
      for (let k = starts[j], t = 0; k < starts[j + 1]; k++, t++) index[next[j] * width + t] = items[k];
    }
    levels.push({ index, groups: chunks, width, padIndex: rows });
    // The chunks of list j are rows next[j] .. next[j + 1] of the next level, already contiguous.
    items = Int32Array.from({ length: chunks }, (_, k) => k);
    starts = next;
    rows = chunks;
  }
  let expand: Int32Array | null = null;
  if (groups < numSegments) {
    expand = new Int32Array(numSegments).fill(groups);
    for (let s = 0, j = 0; s < numSegments; s++) if (counts[s] > 0) expand[s] = j++;
  }
  return { levels, expand, groups };
}

function padLists(starts: Int32Array, items: Int32Array, groups: number, width: number, rows: number): GatherLevel {
  const index = new Int32Array(groups * width).fill(rows);
  for (let j = 0; j < groups; j++) {
    for (let k = starts[j], t = 0; k < starts[j + 1]; k++, t++) index[j * width + t] = items[k];
  }
  return { index, groups, width, padIndex: rows };
}
