// A @mgp/hierarchy Hierarchy over a synthetic tree, with D as a function of class pairs read from it.
import { optionalExport } from './optional';
import { parentEntries, type SyntheticTree } from './synthetic-tree';

/** The part of Hierarchy the benchmarks use. */
export interface HierarchyLike {
  numLeaves: number;
  maxDepth: number;
  leaves: readonly string[];
  distance(a: number, b: number): number;
  lca(a: number, b: number): number;
}

type FromParents = (map: Array<[string, string | null]>) => HierarchyLike;

/** Hierarchy.fromParents, or the reason it cannot be used yet. */
export async function hierarchyFromParents(): Promise<{ ok: true; build: FromParents } | { ok: false; reason: string }> {
  const found = await optionalExport<{ fromParents?: FromParents }>('@mgp/hierarchy', () => import('@mgp/hierarchy'), 'Hierarchy');
  if (!found.ok) return found;
  const cls = found.value;
  if (typeof cls.fromParents !== 'function') return { ok: false, reason: '@mgp/hierarchy: Hierarchy.fromParents is missing' };
  return { ok: true, build: (map) => (cls.fromParents as FromParents).call(cls, map) };
}

/** Builds the Hierarchy of a synthetic tree and checks that label i is leaf 'c<i>' (the order the entries give). */
export function buildHierarchy(fromParents: FromParents, tree: SyntheticTree, entries = parentEntries(tree)): HierarchyLike {
  const h = fromParents(entries);
  const last = tree.numLeaves - 1;
  if (h.numLeaves !== tree.numLeaves || h.leaves[0] !== 'c0' || h.leaves[last] !== `c${last}`) {
    throw new Error(`Hierarchy.fromParents numbered the synthetic tree's leaves unexpectedly (${h.numLeaves} leaves, first '${h.leaves[0]}')`);
  }
  return h;
}

/** D(i, j) for the sampled losses, one Hierarchy.distance call a pair. */
export function hierarchyDistanceFn(h: HierarchyLike): (i: Int32Array, j: Int32Array) => Float32Array {
  return (i, j) => {
    const out = new Float32Array(i.length);
    for (let t = 0; t < i.length; t++) out[t] = h.distance(i[t], j[t]);
    return out;
  };
}
