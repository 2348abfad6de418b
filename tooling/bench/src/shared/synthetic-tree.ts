// A synthetic class tree with every leaf at the same depth, as parent arrays: K leaves, nodes numbered leaves
// first, then each level up to the root (last). Used for D as a function of class pairs and as the naive
// reference of the hierarchy benchmark.

export interface SyntheticTree {
  numLeaves: number;
  depth: number;
  numNodes: number;
  /** Parent of each node; -1 for the root. */
  parent: Int32Array;
  /** Depth of each node (root 0, leaves `depth`). */
  depthOf: Int32Array;
  /** Nodes per level, root (level 0) first. */
  levelSizes: number[];
}

/**
 * Level l has max(2, ⌈K / b^(depth−l)⌉) nodes (one root), b = ⌈K^(1/depth)⌉, and node q of level l hangs under
 * node ⌊q · size(l−1) / size(l)⌋ of level l−1, so every parent has at least one child.
 */
export function syntheticTree(numLeaves: number, depth: number): SyntheticTree {
  if (!Number.isInteger(numLeaves) || numLeaves < 2) throw new Error(`syntheticTree: numLeaves must be an integer ≥ 2; got ${numLeaves}`);
  if (!Number.isInteger(depth) || depth < 1) throw new Error(`syntheticTree: depth must be an integer ≥ 1; got ${depth}`);
  const b = Math.max(2, Math.ceil(numLeaves ** (1 / depth)));
  const sizes = new Array<number>(depth + 1);
  sizes[depth] = numLeaves;
  for (let l = depth - 1; l >= 1; l--) sizes[l] = Math.min(sizes[l + 1], Math.max(2, Math.ceil(sizes[l + 1] / b)));
  sizes[0] = 1;
  // First node id of each level: leaves (level `depth`) at 0, then depth−1, ..., root last.
  const start = new Array<number>(depth + 1);
  let next = 0;
  for (let l = depth; l >= 0; l--) {
    start[l] = next;
    next += sizes[l];
  }
  const parent = new Int32Array(next).fill(-1);
  const depthOf = new Int32Array(next);
  for (let l = depth; l >= 0; l--) {
    for (let q = 0; q < sizes[l]; q++) {
      const v = start[l] + q;
      depthOf[v] = l;
      if (l > 0) parent[v] = start[l - 1] + Math.floor((q * sizes[l - 1]) / sizes[l]);
    }
  }
  return { numLeaves, depth, numNodes: next, parent, depthOf, levelSizes: sizes };
}

/** Lowest common ancestor by walking up (O(depth)): the plain reference. */
export function naiveLca(t: SyntheticTree, a: number, b: number): number {
  let x = a;
  let y = b;
  while (t.depthOf[x] > t.depthOf[y]) x = t.parent[x];
  while (t.depthOf[y] > t.depthOf[x]) y = t.parent[y];
  while (x !== y) {
    x = t.parent[x];
    y = t.parent[y];
  }
  return x;
}

/** Path distance (edges) between two nodes. */
export function naiveDistance(t: SyntheticTree, a: number, b: number): number {
  if (a === b) return 0;
  return t.depthOf[a] + t.depthOf[b] - 2 * t.depthOf[naiveLca(t, a, b)];
}

/** D as a function of class pairs (the signature the sampled losses take). */
export function pairDistanceFn(t: SyntheticTree): (i: Int32Array, j: Int32Array) => Float32Array {
  return (i, j) => {
    const out = new Float32Array(i.length);
    for (let s = 0; s < i.length; s++) out[s] = naiveDistance(t, i[s], j[s]);
    return out;
  };
}

/** The K×K leaf distance matrix, row-major (only for the K where it fits). */
export function leafDistanceMatrix(t: SyntheticTree): Float32Array {
  const k = t.numLeaves;
  const out = new Float32Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const d = naiveDistance(t, i, j);
      out[i * k + j] = d;
      out[j * k + i] = d;
    }
  }
  return out;
}

/** Node names for Hierarchy.fromParents: leaves 'c<i>', internal 'n<level>_<index>', the root 'root'. */
export function parentEntries(t: SyntheticTree): Array<[string, string | null]> {
  const name = new Array<string>(t.numNodes);
  const index = new Int32Array(t.depth + 1);
  for (let v = 0; v < t.numNodes; v++) {
    const l = t.depthOf[v];
    name[v] = v < t.numLeaves ? `c${v}` : l === 0 ? 'root' : `n${l}_${index[l]++}`;
  }
  const out: Array<[string, string | null]> = [];
  for (let v = 0; v < t.numNodes; v++) out.push([name[v], t.parent[v] >= 0 ? name[t.parent[v]] : null]);
  return out;
}

/** Deterministic pseudo-random class indices in [0, k) (a 32-bit LCG; the benchmarks need reproducible draws only). */
export function randomClasses(count: number, k: number, seed = 1): Int32Array {
  const out = new Int32Array(count);
  let s = seed >>> 0;
  for (let t = 0; t < count; t++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[t] = Math.floor((s / 2 ** 32) * k);
  }
  return out;
}
