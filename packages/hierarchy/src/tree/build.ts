// Validates a RawTree and lays it out in the canonical order: leaves in class order (label i is node i),
// then the internal nodes breadth-first from the root.
import { describeValue } from '@mgp/metrics';
import { fail, quoteList } from './fail';
import { NodeLookup } from './lookup';
import type { RawTree } from './raw';
import type { HierarchyOptions } from './types';

export interface TreeArrays {
  names: string[];
  ids: string[];
  parent: Int32Array;
  numLeaves: number;
  separator: string;
  /** All nodes breadth-first from the root, each parent's children in source order. */
  bfs: Int32Array;
}

export function resolveOptions(fn: string, opts: unknown): { separator: string; rootName: string | null; leaves?: unknown } {
  if (opts === undefined) return { separator: '/', rootName: null };
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    fail(fn, 'options', `must be an object; got ${describeValue(opts)}`);
  }
  const o = opts as HierarchyOptions;
  const separator = o.separator ?? '/';
  if (typeof separator !== 'string' || separator.length === 0) {
    fail(fn, 'options.separator', `must be a non-empty string; got ${describeValue(separator)}`);
  }
  let rootName: string | null = null;
  if (o.implicitRoot === true) rootName = 'root';
  else if (typeof o.implicitRoot === 'string' && o.implicitRoot.length > 0) rootName = o.implicitRoot;
  else if (o.implicitRoot !== undefined && o.implicitRoot !== false) {
    fail(fn, 'options.implicitRoot', `must be a boolean or a non-empty root name; got ${describeValue(o.implicitRoot)}`);
  }
  return { separator, rootName, leaves: o.leaves };
}

export function buildTree(fn: string, raw: RawTree, opts: unknown): TreeArrays {
  const { separator, rootName, leaves } = resolveOptions(fn, opts);
  const arg = raw.argument;
  const names = raw.names.slice();
  const parents = raw.parents.slice();
  if (names.length === 0) fail(fn, arg, 'must describe a non-empty tree; got no nodes');
  names.forEach((name) => {
    if (name.length === 0) fail(fn, arg, 'must not contain empty node names; got the string ""');
  });

  findCycle(fn, arg, names, parents);

  let roots = parents.flatMap((p, i) => (p < 0 ? [i] : []));
  if (roots.length > 1) {
    if (rootName === null) {
      fail(fn, arg, `must have a single root; got ${roots.length} roots (${quoteList(roots.map((r) => names[r]))}); pass { implicitRoot: true } to add a root above them`);
    }
    const root = names.length;
    names.push(rootName);
    parents.push(-1);
    for (const r of roots) parents[r] = root;
    roots = [root];
  }
  const root = roots[0];

  const children: number[][] = names.map(() => []);
  parents.forEach((p, i) => {
    if (p >= 0) children[p].push(i);
  });
  if (children[root].length === 0) {
    fail(fn, arg, `must have at least one node below the root; got only the root '${names[root]}'`);
  }
  children.forEach((list, p) => {
    const seen = new Set<string>();
    for (const c of list) {
      if (seen.has(names[c])) fail(fn, arg, `must not give two children of '${names[p]}' the same name; got '${names[c]}' twice`);
      seen.add(names[c]);
    }
  });

  // Breadth-first order from the root; ids: the name when unique, else the parent's id + separator + name.
  const bfs = [root];
  // A loop, not push(...list): spreading a node's children as call arguments overflows the stack past ~125,000.
  for (let i = 0; i < bfs.length; i++) for (const c of children[bfs[i]]) bfs.push(c);
  const nameCount = new Map<string, number>();
  for (const n of names) nameCount.set(n, (nameCount.get(n) ?? 0) + 1);
  const ids = new Array<string>(names.length);
  const idOwner = new Map<string, number>();
  for (const v of bfs) {
    const unique = nameCount.get(names[v]) === 1 || parents[v] < 0;
    ids[v] = unique ? names[v] : ids[parents[v]] + separator + names[v];
    const owner = idOwner.get(ids[v]);
    if (owner !== undefined) {
      fail(fn, arg, `has a node named '${ids[v]}', which is also the path id of another node; rename one of them`);
    }
    idOwner.set(ids[v], v);
  }

  const lookup = new NodeLookup(names, ids, parents, separator);
  const order = leafOrder(fn, lookup, names, ids, children, root, leaves, raw.defaultLeaves);
  for (const v of bfs) if (children[v].length > 0) order.push(v);

  const position = new Int32Array(names.length);
  order.forEach((v, i) => (position[v] = i));
  const parent = new Int32Array(order.length);
  order.forEach((v, i) => (parent[i] = parents[v] < 0 ? -1 : position[parents[v]]));
  return {
    names: order.map((v) => names[v]),
    ids: order.map((v) => ids[v]),
    parent,
    numLeaves: order.length - bfs.filter((v) => children[v].length > 0).length,
    separator,
    bfs: Int32Array.from(bfs, (v) => position[v]),
  };
}

function findCycle(fn: string, arg: string, names: readonly string[], parents: readonly number[]): void {
  const state = new Uint8Array(names.length); // 0 new, 1 on the current walk, 2 done
  for (let start = 0; start < names.length; start++) {
    const walk: number[] = [];
    let v = start;
    while (v >= 0 && state[v] === 0) {
      state[v] = 1;
      walk.push(v);
      v = parents[v];
    }
    if (v >= 0 && state[v] === 1) {
      const cycle = walk.slice(walk.indexOf(v)).map((u) => names[u]);
      fail(fn, arg, `must not contain a cycle; got ${[...cycle, cycle[0]].join(' → ')}`);
    }
    for (const u of walk) state[u] = 2;
  }
}

function leafOrder(
  fn: string,
  lookup: NodeLookup,
  names: readonly string[],
  ids: readonly string[],
  children: readonly number[][],
  root: number,
  given: unknown,
  fromSource: RawTree['defaultLeaves'],
): number[] {
  const treeLeaves = preorderLeaves(children, root);
  const refs = given ?? fromSource?.refs;
  if (refs === undefined) return treeLeaves;
  const arg = given !== undefined ? 'leaves' : (fromSource as { argument: string }).argument;
  if (!Array.isArray(refs)) fail(fn, arg, `must be an array of leaf names; got ${describeValue(refs)}`);
  const order: number[] = [];
  const where = new Map<number, number>();
  refs.forEach((ref: unknown, i: number) => {
    if (typeof ref !== 'string') fail(fn, arg, `must hold leaf names (strings); got ${describeValue(ref)} at index ${i}`);
    const found = lookup.find(ref);
    if ('unknown' in found) fail(fn, arg, `must name leaves of the tree; '${ref}' (index ${i}) is not a node of the tree`);
    if ('ambiguous' in found) {
      fail(fn, arg, `must name each leaf unambiguously; '${ref}' (index ${i}) could be ${quoteList(found.ambiguous.map((v) => ids[v]))}`);
    }
    const v = found.node;
    if (children[v].length > 0) {
      fail(fn, arg, `must name leaves, not internal nodes; '${ref}' (index ${i}) has children ${quoteList(children[v].map((c) => names[c]))}`);
    }
    const earlier = where.get(v);
    if (earlier !== undefined) fail(fn, arg, `must name each leaf once; '${ids[v]}' is at index ${earlier} and ${i}`);
    where.set(v, i);
    order.push(v);
  });
  const missing = treeLeaves.filter((v) => !where.has(v));
  if (missing.length > 0) {
    fail(fn, arg, `must list every leaf of the tree; missing ${quoteList(missing.map((v) => ids[v]))} (${missing.length} of ${treeLeaves.length} leaves)`);
  }
  return order;
}

function preorderLeaves(children: readonly number[][], root: number): number[] {
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (children[v].length === 0) out.push(v);
    for (let i = children[v].length - 1; i >= 0; i--) stack.push(children[v][i]);
  }
  return out;
}
