// fast-check arbitrary for random class trees, with names that repeat under different parents.
import fc from 'fast-check';
import { Hierarchy } from './hierarchy';

const POOL = ['a', 'b', 'cat', 'Dog', 'x_y', 'n'];

export interface RandomTree {
  h: Hierarchy;
  /** Parent of each node of the generator's numbering (-1 for node 0, the root). */
  parents: number[];
}

/** Random recursive trees: node i > 0 hangs under a node < i; class order shuffled unless `shuffle` is false. */
export function randomTree({ maxNodes = 30, shuffle = true }: { maxNodes?: number; shuffle?: boolean } = {}): fc.Arbitrary<RandomTree> {
  return fc
    .integer({ min: 2, max: maxNodes })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 }),
        fc.array(fc.nat({ max: POOL.length - 1 }), { minLength: n, maxLength: n }),
        fc.nat(),
      ),
    )
    .map(([ups, picks, seed]) => {
      const n = picks.length;
      const parents = [-1, ...ups.map((u, i) => u % (i + 1))];
      const names: string[] = [];
      const used = new Map<number, Set<string>>();
      for (let v = 0; v < n; v++) {
        const siblings = used.get(parents[v]) ?? new Set<string>();
        used.set(parents[v], siblings);
        let name = POOL[picks[v]];
        if (siblings.has(name)) name = `${name}${v}`;
        siblings.add(name);
        names.push(name);
      }
      const children = names.map(() => [] as number[]);
      for (let v = 1; v < n; v++) children[parents[v]].push(v);
      const nested = (v: number): unknown => (children[v].length === 0 ? names[v] : { [names[v]]: children[v].map(nested) });
      const pathOf = (v: number): string[] => (v < 0 ? [] : [...pathOf(parents[v]), names[v]]);
      const tree = nested(0);
      const leaves = names.flatMap((_, v) => (v > 0 && children[v].length === 0 ? [pathOf(v).join('/')] : []));
      if (shuffle) {
        let s = seed;
        for (let i = leaves.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2 ** 31;
          const j = s % (i + 1);
          [leaves[i], leaves[j]] = [leaves[j], leaves[i]];
        }
      }
      return { h: Hierarchy.fromNested(tree, { leaves }), parents };
    });
}
