// The class tree: constructors from the usual formats, structural accessors, LCA and tree distances.
import { describeValue } from '@mgp/metrics';
import { buildTree, type TreeArrays } from './build';
import { distanceMatrixValues } from './distance';
import { fail, quoteList } from './fail';
import { encodeEdgeField, parseEdges } from './from-edges';
import { parseNested } from './from-nested';
import { parseParents, type ParentsInput } from './from-parents';
import { parsePaths } from './from-paths';
import { Lifting } from './lifting';
import { NodeLookup } from './lookup';
import { toEdgeList, toNestedTree } from './serialize';
import { fromWordNet, type WordNetOptions } from '../wordnet/from-wordnet';
import type { DistanceKind, DistanceMatrixOptions, HierarchyJSON, HierarchyOptions, NestedTree, NodeRef } from './types';

/**
 * A rooted class tree. Nodes are numbered leaves first, in class order (label i is node i), then the
 * internal nodes breadth-first from the root (the root is node `numLeaves`). Every method that takes a
 * node accepts its index or a string: its id, a unique name, or a path suffix such as 'animal/bat'.
 *
 * Names may repeat under different parents; such a node's id is its parent's id, the separator and its
 * name ('animal/bat' and 'sports/bat'), and a bare 'bat' is refused as ambiguous.
 */
export class Hierarchy {
  /** Node ids in node order (unique; the name itself when the name is unique). */
  readonly nodes: readonly string[];
  /** Display names in node order (may repeat under different parents). */
  readonly names: readonly string[];
  /** Leaf ids in class order: label i is `leaves[i]`. */
  readonly leaves: readonly string[];
  readonly numNodes: number;
  readonly numLeaves: number;
  /** Index of the root (always `numLeaves`). */
  readonly root: number;
  /** Depth of the deepest leaf (the root's height). */
  readonly maxDepth: number;
  readonly separator: string;

  private readonly parentOf: Int32Array;
  private readonly depthOf: Int32Array;
  private readonly heightOf: Int32Array;
  private readonly childStart: Int32Array;
  private readonly childList: Int32Array;
  private readonly lookup: NodeLookup;
  private lifting: Lifting | null = null;

  private constructor(t: TreeArrays) {
    const n = t.names.length;
    this.names = Object.freeze(t.names.slice());
    this.nodes = Object.freeze(t.ids.slice());
    this.numNodes = n;
    this.numLeaves = t.numLeaves;
    this.leaves = Object.freeze(t.ids.slice(0, t.numLeaves));
    this.root = t.numLeaves;
    this.separator = t.separator;
    this.parentOf = t.parent;

    // Children in CSR form, filled breadth-first so each parent keeps its children in source order.
    const counts = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) if (t.parent[v] >= 0) counts[t.parent[v] + 1]++;
    for (let v = 0; v < n; v++) counts[v + 1] += counts[v];
    this.childStart = counts;
    this.childList = new Int32Array(Math.max(0, n - 1));
    const fill = counts.slice(0, n);
    for (const v of t.bfs) if (t.parent[v] >= 0) this.childList[fill[t.parent[v]]++] = v;

    // Depth top-down, height bottom-up, along the breadth-first order.
    this.depthOf = new Int32Array(n);
    const topDown = t.bfs;
    for (const v of topDown) if (t.parent[v] >= 0) this.depthOf[v] = this.depthOf[t.parent[v]] + 1;
    this.heightOf = new Int32Array(n);
    for (let i = topDown.length - 1; i >= 0; i--) {
      const v = topDown[i];
      const p = t.parent[v];
      if (p >= 0 && this.heightOf[p] < this.heightOf[v] + 1) this.heightOf[p] = this.heightOf[v] + 1;
    }
    this.maxDepth = this.heightOf[this.root];
    this.lookup = new NodeLookup(this.names, this.nodes, this.parentOf, this.separator);
  }

  // ---------------------------------------------------------------- constructors

  /**
   * From nested JSON: `{ "root": [{ "animal": ["cat", "dog"] }, "plant"] }`, or a whole data file
   * `{ tree, leaves }` (its `leaves` fix the class order unless `opts.leaves` is given).
   */
  static fromNested(json: unknown, opts?: HierarchyOptions): Hierarchy {
    const fn = 'Hierarchy.fromNested';
    return new Hierarchy(buildTree(fn, parseNested(fn, json), opts));
  }

  /** Reads back `toJSON()` (same as `fromNested`). */
  static fromJSON(json: unknown, opts?: HierarchyOptions): Hierarchy {
    const fn = 'Hierarchy.fromJSON';
    return new Hierarchy(buildTree(fn, parseNested(fn, json), opts));
  }

  /** From a child → parent map (object, Map or entries); the root maps to null (or is simply never a key). */
  static fromParents(map: ParentsInput, opts?: HierarchyOptions): Hierarchy {
    const fn = 'Hierarchy.fromParents';
    return new Hierarchy(buildTree(fn, parseParents(fn, map, opts), opts));
  }

  /**
   * From `parent child` pairs: an array of pairs, or text with one pair a line (tab- or space-separated,
   * blank lines and lines starting with '#' skipped), as in WordNet is-a files. A field written as a JSON string
   * literal (`"#group"`, `" padded "`) is read as the string it encodes, as `toEdgesText` writes such names.
   */
  static fromEdges(edges: string | Iterable<readonly [string, string]>, opts?: HierarchyOptions): Hierarchy {
    const fn = 'Hierarchy.fromEdges';
    return new Hierarchy(buildTree(fn, parseEdges(fn, edges, opts), opts));
  }

  /**
   * From one root-to-leaf path per class (`['root', 'animal', 'cat']` or 'root/animal/cat'); label i is the
   * leaf of paths[i] unless `opts.leaves` is given. Equal names under different parents are different nodes.
   */
  static fromPaths(paths: ReadonlyArray<readonly string[] | string>, opts?: HierarchyOptions): Hierarchy {
    const fn = 'Hierarchy.fromPaths';
    return new Hierarchy(buildTree(fn, parsePaths(fn, paths, opts), opts));
  }

  /**
   * The hypernym tree over noun synsets ('dog.n.01', wnid 'n02084071' or data.noun offset), read from
   * WordNet 3.0's data.noun and index.noun (default folder /usr/share/wordnet). Each synset's parent is its
   * first hypernym, so the tree does not depend on which other synsets are asked for. Async: it reads files.
   */
  static fromWordNet(synsets: ReadonlyArray<string | number>, opts?: WordNetOptions): Promise<Hierarchy> {
    return fromWordNet(synsets, opts);
  }

  /** @internal Used by `fromWordNet`, which parses its own files. */
  static fromRaw(fn: string, raw: Parameters<typeof buildTree>[1], opts?: HierarchyOptions): Hierarchy {
    return new Hierarchy(buildTree(fn, raw, opts));
  }

  // ---------------------------------------------------------------- node access

  /**
   * The index of a node given by index, id, unique name or path suffix. `fn` and `argument` name the caller in
   * the error message when the reference is unknown or ambiguous.
   */
  index(ref: NodeRef, fn = 'Hierarchy.index', argument = 'node'): number {
    if (typeof ref === 'number') {
      if (!Number.isInteger(ref) || ref < 0 || ref >= this.numNodes) {
        fail(fn, argument, `must be a node index in [0, ${this.numNodes - 1}] or a node name; got ${describeValue(ref)}`);
      }
      return ref;
    }
    if (typeof ref !== 'string') fail(fn, argument, `must be a node index or a node name; got ${describeValue(ref)}`);
    const found = this.lookup.find(ref);
    if ('node' in found) return found.node;
    if ('ambiguous' in found) {
      fail(fn, argument, `must name one node; '${ref}' could be ${quoteList(found.ambiguous.map((v) => this.nodes[v]))}`);
    }
    return fail(fn, argument, `must name a node of the hierarchy; got '${ref}'`);
  }

  /** Unique id of a node. */
  id(ref: NodeRef): string {
    return this.nodes[this.index(ref, 'Hierarchy.id')];
  }

  /** Display name of a node. */
  name(ref: NodeRef): string {
    return this.names[this.index(ref, 'Hierarchy.name')];
  }

  /** Names from the root down to the node (inclusive). */
  path(ref: NodeRef): string[] {
    const v = this.index(ref, 'Hierarchy.path');
    return [v, ...this.ancestorsOf(v)].reverse().map((u) => this.names[u]);
  }

  isLeaf(ref: NodeRef): boolean {
    return this.index(ref, 'Hierarchy.isLeaf') < this.numLeaves;
  }

  /** Parent index, or null for the root. */
  parent(ref: NodeRef): number | null {
    const p = this.parentOf[this.index(ref, 'Hierarchy.parent')];
    return p < 0 ? null : p;
  }

  /** Child indices in source order. */
  children(ref: NodeRef): number[] {
    const v = this.index(ref, 'Hierarchy.children');
    return Array.from(this.childList.subarray(this.childStart[v], this.childStart[v + 1]));
  }

  /** Edges from the root (root 0). */
  depth(ref: NodeRef): number {
    return this.depthOf[this.index(ref, 'Hierarchy.depth')];
  }

  /** Edges down to the deepest leaf below (leaves 0). */
  height(ref: NodeRef): number {
    return this.heightOf[this.index(ref, 'Hierarchy.height')];
  }

  /** Ancestors nearest first, ending at the root; with `includeSelf` the node comes first. */
  ancestors(ref: NodeRef, { includeSelf = false }: { includeSelf?: boolean } = {}): number[] {
    const v = this.index(ref, 'Hierarchy.ancestors');
    const up = this.ancestorsOf(v);
    return includeSelf ? [v, ...up] : up;
  }

  /** Class labels (leaf indices, ascending) under a node; a leaf gives itself. */
  subtreeLeaves(ref: NodeRef): number[] {
    const v = this.index(ref, 'Hierarchy.subtreeLeaves');
    const out: number[] = [];
    const stack = [v];
    while (stack.length > 0) {
      const u = stack.pop() as number;
      if (u < this.numLeaves) out.push(u);
      for (let i = this.childStart[u]; i < this.childStart[u + 1]; i++) stack.push(this.childList[i]);
    }
    return out.sort((a, b) => a - b);
  }

  /** The cut at a level: nodes at that depth, plus leaves that stop above it (node order). */
  nodesAtLevel(level: number): number[] {
    this.checkLevel('Hierarchy.nodesAtLevel', level);
    const out: number[] = [];
    for (let v = 0; v < this.numNodes; v++) {
      if (this.depthOf[v] === level || (v < this.numLeaves && this.depthOf[v] < level)) out.push(v);
    }
    return out;
  }

  /**
   * The ancestor at depth `level` of each label (a leaf above that level stays itself), as node indices;
   * `nodesAtLevel(level).indexOf(node)` turns them into coarse class ids.
   */
  labelsAtLevel(labels: ArrayLike<number>, level: number): number[] {
    const fn = 'Hierarchy.labelsAtLevel';
    this.checkLevel(fn, level);
    if (labels === null || typeof labels !== 'object' || typeof (labels as ArrayLike<number>).length !== 'number') {
      fail(fn, 'labels', `must be an array of class labels; got ${describeValue(labels)}`);
    }
    const lift = this.lift();
    const out = new Array<number>(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const y = labels[i];
      if (!Number.isInteger(y) || y < 0 || y >= this.numLeaves) {
        fail(fn, 'labels', `must hold labels in [0, ${this.numLeaves - 1}]; got ${y} at index ${i}`);
      }
      out[i] = lift.ancestor(y, Math.max(0, this.depthOf[y] - level));
    }
    return out;
  }

  /** Lowest common ancestor, O(log depth). */
  lca(a: NodeRef, b: NodeRef): number {
    const x = this.index(a, 'Hierarchy.lca', 'a');
    const y = this.index(b, 'Hierarchy.lca', 'b');
    return this.lift().lca(x, y);
  }

  /** Tree distance between two nodes without any K×K table: 'path' (edges) or 'lcaHeight'. */
  distance(a: NodeRef, b: NodeRef, kind: DistanceKind = 'path'): number {
    const fn = 'Hierarchy.distance';
    const x = this.index(a, fn, 'a');
    const y = this.index(b, fn, 'b');
    if (kind !== 'path' && kind !== 'lcaHeight') fail(fn, 'kind', `must be 'path' or 'lcaHeight'; got ${describeValue(kind)}`);
    return this.nodeDistance(x, y, kind);
  }

  /** Distances as number[][]: leaves (class order) by default; `nodes: 'all'` adds internal nodes breadth-first. */
  distanceMatrix(opts: DistanceMatrixOptions = {}): number[][] {
    const { values, size } = this.distances('Hierarchy.distanceMatrix', opts);
    const out: number[][] = [];
    for (let i = 0; i < size; i++) out.push(Array.from(values.subarray(i * size, (i + 1) * size)));
    return out;
  }

  /** The same distances as a row-major Float32Array (ready for `tf.tensor2d(values, [size, size])`). */
  distanceArray(opts: DistanceMatrixOptions = {}): { values: Float32Array; size: number; nodes: number[] } {
    return this.distances('Hierarchy.distanceArray', opts);
  }

  private distances(fn: string, opts: DistanceMatrixOptions): { values: Float32Array; size: number; nodes: number[] } {
    if (opts === null || typeof opts !== 'object') fail(fn, 'options', `must be an object; got ${describeValue(opts)}`);
    const kind = opts.kind ?? 'path';
    if (kind !== 'path' && kind !== 'lcaHeight') fail(fn, 'options.kind', `must be 'path' or 'lcaHeight'; got ${describeValue(kind)}`);
    const nodes = this.nodeList(fn, 'options.nodes', opts.nodes ?? 'leaves');
    return { values: distanceMatrixValues(nodes, (a, b) => this.nodeDistance(a, b, kind)), size: nodes.length, nodes };
  }

  /** Non-root nodes in node order: the default column order of edge logits (leaves first, so label i is column i). */
  nonRootNodes(): number[] {
    const out: number[] = [];
    for (let v = 0; v < this.numNodes; v++) if (v !== this.root) out.push(v);
    return out;
  }

  /**
   * Resolves a column order of edge logits (every non-root node exactly once) to node indices; defaults to
   * `nonRootNodes()`. `fn` and `argument` name the caller in error messages.
   */
  resolveNodeOrder(nodeOrder?: readonly NodeRef[], fn = 'Hierarchy.resolveNodeOrder', argument = 'nodeOrder'): number[] {
    if (nodeOrder === undefined) return this.nonRootNodes();
    if (!Array.isArray(nodeOrder)) fail(fn, argument, `must be an array of node names; got ${describeValue(nodeOrder)}`);
    if (nodeOrder.length !== this.numNodes - 1) {
      fail(fn, argument, `must list the ${this.numNodes - 1} non-root nodes once each; got ${nodeOrder.length} ${nodeOrder.length === 1 ? 'entry' : 'entries'}`);
    }
    const seen = new Map<number, number>();
    return nodeOrder.map((ref, i) => {
      const v = this.index(ref, fn, `${argument}[${i}]`);
      if (v === this.root) fail(fn, argument, `must not include the root '${this.nodes[v]}' (index ${i}); it has no logit`);
      const earlier = seen.get(v);
      if (earlier !== undefined) fail(fn, argument, `must list each node once; '${this.nodes[v]}' is at index ${earlier} and ${i}`);
      seen.set(v, i);
      return v;
    });
  }

  /**
   * Leaves × nodes ancestor indicator: row k has 1 at every column node on the path root → leaf k
   * (the leaf included, the root only when it is a column). Columns: non-root nodes by default.
   */
  pathMatrix({ nodes }: { nodes?: 'nonRoot' | 'all' | readonly NodeRef[] } = {}): number[][] {
    const fn = 'Hierarchy.pathMatrix';
    const cols = nodes === undefined || nodes === 'nonRoot' ? this.nonRootNodes() : this.nodeList(fn, 'nodes', nodes);
    const column = new Int32Array(this.numNodes).fill(-1);
    cols.forEach((v, c) => (column[v] = c));
    const out: number[][] = [];
    for (let k = 0; k < this.numLeaves; k++) {
      const row = new Array<number>(cols.length).fill(0);
      for (let v = k; v >= 0; v = this.parentOf[v]) if (column[v] >= 0) row[column[v]] = 1;
      out.push(row);
    }
    return out;
  }

  /**
   * Sibling groups as segment ids, one per non-root node in `nodeOrder` (default `nonRootNodes()`): the
   * segment of a node is its parent's rank among internal nodes (parent index − numLeaves), so there are
   * `numNodes − numLeaves` segments and segment 0 holds the root's children.
   */
  siblingGroups(nodeOrder?: readonly NodeRef[]): number[] {
    return this.resolveNodeOrder(nodeOrder, 'Hierarchy.siblingGroups').map((v) => this.parentOf[v] - this.numLeaves);
  }

  /**
   * The seed's `path_matrix` layout: a [maxDepth, numNodes] table where row maxDepth − i holds the i-th
   * ancestor of each node (node order), or -1 once the root is passed.
   */
  ancestorTable(): number[][] {
    const rows = Array.from({ length: this.maxDepth }, () => new Array<number>(this.numNodes).fill(-1));
    for (let v = 0; v < this.numNodes; v++) {
      let u = this.parentOf[v];
      for (let i = 1; u >= 0; i++, u = this.parentOf[u]) rows[this.maxDepth - i][v] = u;
    }
    return rows;
  }

  // ---------------------------------------------------------------- serialization

  /** Nested JSON with display names (children in source order). */
  toNested(): NestedTree {
    return toNestedTree(this.names, this.root, (v) => this.children(v), this.numLeaves);
  }

  /** `{ tree, leaves }`: the data-file shape, read back by `fromNested`/`fromJSON` with the same class order. */
  toJSON(): HierarchyJSON {
    return { tree: this.toNested(), leaves: this.leaves.slice() };
  }

  /** `[parent id, child id]` pairs breadth-first; read back by `fromEdges` (pass `leaves` to keep the class order). */
  toEdges(): Array<[string, string]> {
    return toEdgeList(this.nodes, this.root, (v) => this.children(v));
  }

  /**
   * `toEdges()` as text, one tab-separated pair a line; read back by `fromEdges`. A name that plain text cannot
   * carry (a leading '#' or '"', leading or trailing whitespace) is written as a JSON string literal, such as
   * `"#group"` or `" padded "`, which `fromEdges` decodes.
   */
  toEdgesText(): string {
    return this.toEdges()
      .map(([p, c]) => `${encodeEdgeField(p)}\t${encodeEdgeField(c)}\n`)
      .join('');
  }

  // ---------------------------------------------------------------- internals

  private nodeDistance(x: number, y: number, kind: DistanceKind): number {
    if (x === y) return 0;
    const l = this.lift().lca(x, y);
    return kind === 'path' ? this.depthOf[x] + this.depthOf[y] - 2 * this.depthOf[l] : this.heightOf[l];
  }

  private nodeList(fn: string, argument: string, nodes: unknown): number[] {
    if (nodes === 'leaves') return Array.from({ length: this.numLeaves }, (_, i) => i);
    if (nodes === 'all') return Array.from({ length: this.numNodes }, (_, i) => i);
    if (!Array.isArray(nodes)) fail(fn, argument, `must be 'leaves', 'all' or an array of nodes; got ${describeValue(nodes)}`);
    return nodes.map((ref: NodeRef, i: number) => this.index(ref, fn, `${argument}[${i}]`));
  }

  private ancestorsOf(v: number): number[] {
    const out: number[] = [];
    for (let u = this.parentOf[v]; u >= 0; u = this.parentOf[u]) out.push(u);
    return out;
  }

  private lift(): Lifting {
    if (this.lifting === null) this.lifting = new Lifting(this.parentOf, this.depthOf, this.maxDepth);
    return this.lifting;
  }

  private checkLevel(fn: string, level: unknown): void {
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 0) {
      fail(fn, 'level', `must be an integer >= 0 (0 is the root); got ${describeValue(level)}`);
    }
  }
}
