// Constant index arrays derived from a hierarchy, computed once per (hierarchy, column order) and cached.
import type { Hierarchy } from '../tree/hierarchy';

/** Columns = non-root nodes in a given order (the layout of edge logits and log marginals). */
export interface MarginalPlan {
  /** Node index of each column. */
  nodes: Int32Array;
  /** Column of each node (-1 for the root). */
  columnOf: Int32Array;
  /** Sibling group (parent's rank among internal nodes) of each column. */
  segmentIds: Int32Array;
  numSegments: number;
  /** Column of each column's parent, or `nodes.length` (a zero column) when the parent is the root. */
  parentColumn: Int32Array;
  /** Depth of the deepest node (edges on its path). */
  maxDepth: number;
  /** [E, E] row-major: 1 where the row's node is an ancestor-or-self of the column's node (built lazily). */
  pathMatrix: () => Float32Array;
}

/** Bottom-up layout for leaf logits: leaves, one padding column, then internal nodes by increasing height. */
export interface SubtreePlan {
  /** Column of each node in that layout. */
  columnOf: Int32Array;
  /** Number of columns (K + 1 + internal nodes). */
  width: number;
  padColumn: number;
  /** For height h = 1..H: the columns of the children of height-h nodes and their parent's rank in the level. */
  levels: Array<{ childColumns: Int32Array; segmentIds: Int32Array; count: number }>;
  /** Per class, its path leaf → child of the root: node columns, parent columns, node heights. */
  pathColumns: Int32Array[];
  pathParentColumns: Int32Array[];
  pathHeights: Int32Array[];
  maxPathLength: number;
}

const marginalCache = new WeakMap<Hierarchy, Map<string, MarginalPlan>>();
const subtreeCache = new WeakMap<Hierarchy, SubtreePlan>();

export function marginalPlan(h: Hierarchy, order: readonly number[]): MarginalPlan {
  const key = order.join(',');
  let byOrder = marginalCache.get(h);
  const hit = byOrder?.get(key);
  if (hit) return hit;
  const e = order.length;
  const nodes = Int32Array.from(order);
  const columnOf = new Int32Array(h.numNodes).fill(-1);
  order.forEach((v, c) => (columnOf[v] = c));
  const segmentIds = new Int32Array(e);
  const parentColumn = new Int32Array(e);
  order.forEach((v, c) => {
    const p = h.parent(v) as number;
    segmentIds[c] = p - h.numLeaves;
    parentColumn[c] = p === h.root ? e : columnOf[p];
  });
  let matrix: Float32Array | null = null;
  const plan: MarginalPlan = {
    nodes,
    columnOf,
    segmentIds,
    numSegments: h.numNodes - h.numLeaves,
    parentColumn,
    maxDepth: h.maxDepth,
    pathMatrix: () => {
      if (matrix === null) {
        matrix = new Float32Array(e * e);
        for (let c = 0; c < e; c++) {
          for (let a = c; a < e; a = parentColumn[a]) matrix[a * e + c] = 1;
        }
      }
      return matrix;
    },
  };
  if (!byOrder) marginalCache.set(h, (byOrder = new Map()));
  byOrder.set(key, plan);
  return plan;
}

export function subtreePlan(h: Hierarchy): SubtreePlan {
  const hit = subtreeCache.get(h);
  if (hit) return hit;
  const k = h.numLeaves;
  const n = h.numNodes;
  const columnOf = new Int32Array(n);
  for (let v = 0; v < k; v++) columnOf[v] = v;
  const padColumn = k;
  const byHeight: number[][] = [];
  for (let v = k; v < n; v++) (byHeight[h.height(v)] ??= []).push(v);
  let width = k + 1;
  const levels: SubtreePlan['levels'] = [];
  for (let height = 1; height < byHeight.length; height++) {
    const level = byHeight[height] ?? [];
    const childColumns: number[] = [];
    const segmentIds: number[] = [];
    level.forEach((v, rank) => {
      for (const c of h.children(v)) {
        childColumns.push(columnOf[c]);
        segmentIds.push(rank);
      }
    });
    level.forEach((v, rank) => (columnOf[v] = width + rank));
    width += level.length;
    levels.push({ childColumns: Int32Array.from(childColumns), segmentIds: Int32Array.from(segmentIds), count: level.length });
  }
  const pathColumns: Int32Array[] = [];
  const pathParentColumns: Int32Array[] = [];
  const pathHeights: Int32Array[] = [];
  let maxPathLength = 0;
  for (let y = 0; y < k; y++) {
    const path = h.ancestors(y, { includeSelf: true }).slice(0, -1); // leaf … child of the root
    pathColumns.push(Int32Array.from(path, (v) => columnOf[v]));
    pathParentColumns.push(Int32Array.from(path, (v) => columnOf[h.parent(v) as number]));
    pathHeights.push(Int32Array.from(path, (v) => h.height(v)));
    maxPathLength = Math.max(maxPathLength, path.length);
  }
  const plan = { columnOf, width, padColumn, levels, pathColumns, pathParentColumns, pathHeights, maxPathLength };
  subtreeCache.set(h, plan);
  return plan;
}
