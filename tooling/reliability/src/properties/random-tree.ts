// fast-check generator of random class trees (its own: @mgp/hierarchy's generator is test support, not exported),
// with a choice of name alphabets, plus the forms each parser reads.
import fc from 'fast-check';

export interface TreeSpec {
  /** Parent of each node (node 0 is the root, -1). */
  parents: number[];
  names: string[];
  /** Nested JSON form. */
  nested: Record<string, unknown>;
  /** Root-to-leaf name paths, one per leaf, in pre-order. */
  paths: string[][];
}

/** Plain identifiers. */
export const PLAIN_NAMES = ['a', 'b', 'cat', 'dog', 'n1', 'x_y', 'Top', 'leaf'];
/**
 * Names real class lists have: spaces inside, punctuation, unicode, digits only, and the names of Object.prototype
 * members. No separator '/', no tab or newline, no leading '#' and no surrounding spaces (see the parser tests).
 */
export const RICH_NAMES = ['house cat', 'T-shirt', 'café', '日本', '42', '0', 'constructor', '__proto__', 'toString', 'a.b', 'x:y', 'Ω', "it's"];

export function arbitraryTree({ maxNodes = 24, pool = PLAIN_NAMES }: { maxNodes?: number; pool?: readonly string[] } = {}): fc.Arbitrary<TreeSpec> {
  return fc
    .integer({ min: 2, max: maxNodes })
    .chain((n) => fc.tuple(fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 }), fc.array(fc.nat({ max: pool.length - 1 }), { minLength: n, maxLength: n })))
    .map(([ups, picks]) => {
      const n = picks.length;
      const parents = [-1, ...ups.map((u, i) => u % (i + 1))];
      const used = new Map<number, Set<string>>();
      const names = picks.map((pick, v) => {
        const siblings = used.get(parents[v]) ?? new Set<string>();
        used.set(parents[v], siblings);
        let name = pool[pick];
        for (let k = 2; siblings.has(name); k++) name = `${pool[pick]} ${k}`;
        siblings.add(name);
        return name;
      });
      const children = names.map(() => [] as number[]);
      for (let v = 1; v < n; v++) children[parents[v]].push(v);
      const nestedOf = (v: number): unknown => (children[v].length === 0 ? names[v] : { [names[v]]: children[v].map(nestedOf) });
      const paths: string[][] = [];
      const walk = (v: number, path: string[]) => {
        const here = [...path, names[v]];
        if (children[v].length === 0) paths.push(here);
        for (const c of children[v]) walk(c, here);
      };
      walk(0, []);
      return { parents, names, nested: nestedOf(0) as Record<string, unknown>, paths };
    });
}
