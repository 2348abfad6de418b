// Parses a child → parent map; the root maps to null (a parent that is never a key is a root too).
import { describeValue } from '@mgp/metrics';
import { fail } from './fail';
import { displayName, type RawTree } from './raw';
import { resolveOptions } from './build';

/** A child → parent map: a plain object, a Map, or [child, parent] entries (parent null for the root). */
export type ParentsInput =
  | Readonly<Record<string, string | null>>
  | ReadonlyMap<string, string | null>
  | ReadonlyArray<readonly [string, string | null]>;

export function parseParents(fn: string, map: unknown, opts: unknown): RawTree {
  const { separator } = resolveOptions(fn, opts);
  let entries: Array<[unknown, unknown]>;
  if (map instanceof Map) entries = [...map.entries()];
  else if (Array.isArray(map)) {
    entries = map.map((e: unknown, i: number) => {
      if (!Array.isArray(e) || e.length !== 2) fail(fn, 'map', `must hold [child, parent] entries; got ${describeValue(e)} at index ${i}`);
      return [e[0], e[1]] as [unknown, unknown];
    });
  } else if (map !== null && typeof map === 'object') entries = Object.entries(map);
  else return fail(fn, 'map', `must be a child → parent map (object, Map or entries); got ${describeValue(map)}`);
  if (entries.length === 0) fail(fn, 'map', 'must describe a non-empty tree; got no entries');

  const index = new Map<string, number>();
  const tokens: string[] = [];
  const parentToken: Array<string | null> = [];
  const node = (token: string) => {
    let v = index.get(token);
    if (v === undefined) {
      v = tokens.length;
      index.set(token, v);
      tokens.push(token);
      parentToken.push(null);
    }
    return v;
  };
  const keyed = new Set<number>();
  // Keys first, in order, so siblings keep the order of their entries.
  entries.forEach(([child, parent], i) => {
    if (typeof child !== 'string') fail(fn, 'map', `must have node names as keys; got ${describeValue(child)} at entry ${i}`);
    if (parent !== null && parent !== undefined && typeof parent !== 'string') {
      fail(fn, 'map', `must map each node to a parent name or null; got ${describeValue(parent)} for '${child}'`);
    }
    const v = node(child);
    const p = parent ?? null;
    if (keyed.has(v) && parentToken[v] !== p) {
      fail(fn, 'map', `must give each node one parent; '${child}' maps to '${parentToken[v]}' and to '${p}'`);
    }
    keyed.add(v);
    parentToken[v] = p;
  });
  for (const p of [...parentToken]) if (p !== null) node(p);
  return {
    names: tokens.map((t, v) => displayName(t, parentToken[v], separator)),
    parents: parentToken.map((p) => (p === null ? -1 : (index.get(p) as number))),
    argument: 'map',
  };
}
