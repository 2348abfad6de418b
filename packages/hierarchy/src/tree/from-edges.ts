// Parses parent-child pairs: text with one `parent child` pair a line (WordNet is-a style) or an array of pairs.
import { describeValue } from '@mgp/metrics';
import { resolveOptions } from './build';
import { fail } from './fail';
import { displayName, type RawTree } from './raw';

interface Edge {
  parent: string;
  child: string;
  where: string;
}

/**
 * Edge text quoting. A field written as a JSON string literal (`"…"`, e.g. `"#group"` or `" padded "`) is read as
 * the string it encodes; any other field is read as is. `toEdgesText` quotes exactly the names plain text cannot
 * carry back: a leading '#' (a comment line), leading or trailing whitespace (trimmed), and a leading '"' (which
 * would itself be read as quoted).
 */
export function encodeEdgeField(name: string): string {
  return /^[#"]|^\s|\s$/.test(name) ? JSON.stringify(name) : name;
}

function decodeEdgeField(field: string): string {
  if (field.length < 2 || !field.startsWith('"') || !field.endsWith('"')) return field;
  try {
    const value: unknown = JSON.parse(field);
    return typeof value === 'string' ? value : field;
  } catch {
    return field;
  }
}

function readText(fn: string, text: string): Edge[] {
  const edges: Edge[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = line.includes('\t') ? line.split('\t').map((f) => f.trim()) : line.split(/\s+/);
    if (fields.length !== 2 || fields.some((f) => f === '')) {
      const count = fields.filter((f) => f !== '').length;
      const shown = JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
      fail(fn, 'edges', `must have one 'parent child' pair a line; line ${i + 1} has ${count} field${count === 1 ? '' : 's'}: ${shown}`);
    }
    const [parent, child] = fields.map(decodeEdgeField);
    if (parent === '' || child === '') {
      fail(fn, 'edges', `must hold non-empty names; line ${i + 1} has an empty quoted name: ${JSON.stringify(line)}`);
    }
    edges.push({ parent, child, where: `line ${i + 1}` });
  });
  return edges;
}

function readPairs(fn: string, pairs: unknown): Edge[] {
  if (pairs === null || typeof pairs !== 'object' || typeof (pairs as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    fail(fn, 'edges', `must be text with one 'parent child' pair a line or an array of [parent, child] pairs; got ${describeValue(pairs)}`);
  }
  const edges: Edge[] = [];
  let i = 0;
  for (const pair of pairs as Iterable<unknown>) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || pair[0] === '' || pair[1] === '') {
      fail(fn, 'edges', `must hold [parent, child] pairs of non-empty names; got ${describeValue(pair)} at index ${i}`);
    }
    edges.push({ parent: pair[0], child: pair[1], where: `index ${i}` });
    i++;
  }
  return edges;
}

export function parseEdges(fn: string, input: unknown, opts: unknown): RawTree {
  const { separator } = resolveOptions(fn, opts);
  const edges = typeof input === 'string' ? readText(fn, input) : readPairs(fn, input);
  if (edges.length === 0) fail(fn, 'edges', 'must describe a non-empty tree; got no pairs');

  // Order: roots by first appearance, then every child in the order of its edge (keeps sibling order).
  const firstSeen = new Map<string, number>();
  const parentOf = new Map<string, Edge>();
  for (const e of edges) {
    for (const t of [e.parent, e.child]) if (!firstSeen.has(t)) firstSeen.set(t, firstSeen.size);
    const earlier = parentOf.get(e.child);
    if (earlier === undefined) parentOf.set(e.child, e);
    else if (earlier.parent !== e.parent) {
      fail(fn, 'edges', `must give each node one parent; '${e.child}' is a child of '${earlier.parent}' (${earlier.where}) and of '${e.parent}' (${e.where}); write different nodes as paths such as '${earlier.parent}${separator}${e.child}'`);
    }
  }
  const order = [...firstSeen.keys()].filter((t) => !parentOf.has(t));
  for (const e of edges) if (parentOf.get(e.child) === e) order.push(e.child);
  const index = new Map(order.map((t, i) => [t, i]));
  return {
    names: order.map((t) => displayName(t, parentOf.get(t)?.parent ?? null, separator)),
    parents: order.map((t) => {
      const e = parentOf.get(t);
      return e === undefined ? -1 : (index.get(e.parent) as number);
    }),
    argument: 'edges',
  };
}
