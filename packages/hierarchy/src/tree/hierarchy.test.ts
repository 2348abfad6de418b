import { describe, expect, it } from 'vitest';
import { goldenCases, loadHierarchyData } from '@mgp/test-utils';
import { Hierarchy } from './hierarchy';

const small = () =>
  Hierarchy.fromNested({ root: [{ animal: [{ mammal: ['cat', 'dog'] }, 'fish'] }, 'plant', { fungus: ['mould'] }] });

describe('distance matrices reproduce the reference data', () => {
  it("MNIST digits: the seed's 19×19 all-node matrix and its 10×10 leaf block", () => {
    const data = loadHierarchyData('mnist-digits');
    const all = data.distance_visual_all_nodes as { order: string[]; matrix: number[][] };
    const h = Hierarchy.fromNested(data);
    // The file's order is the canonical node order: leaves in class order, then internal nodes breadth-first.
    expect(h.nodes).toEqual(all.order);
    expect(h.distanceMatrix({ nodes: 'all' })).toEqual(all.matrix);
    expect(h.distanceMatrix({ nodes: all.order })).toEqual(all.matrix);
    expect(h.distanceMatrix()).toEqual(data.distance_visual_leaves);
    expect(h.distanceMatrix({ nodes: 'leaves', kind: 'path' })).toEqual(data.distance_visual_leaves);
  });

  it('MNIST digits: the same from the parent map in the file', () => {
    const data = loadHierarchyData('mnist-digits');
    const h = Hierarchy.fromParents(data.parent as Record<string, string | null>, { leaves: data.leaves });
    expect(h.distanceMatrix()).toEqual(data.distance_visual_leaves);
  });

  it.each(goldenCases)('%s: tree.distance_path and tree.distance_lcaHeight from tree.parent', (_name, g) => {
    const h = Hierarchy.fromParents(g.tree.parent, { leaves: g.tree.leaves });
    expect(h.leaves).toEqual(g.tree.leaves);
    expect(h.distanceMatrix({ kind: 'path' })).toEqual(g.tree.distance_path);
    expect(h.distanceMatrix({ kind: 'lcaHeight' })).toEqual(g.tree.distance_lcaHeight);
    const flat = h.distanceArray({ kind: 'lcaHeight' });
    expect(flat.values).toBeInstanceOf(Float32Array);
    expect(Array.from(flat.values)).toEqual(g.tree.distance_lcaHeight.flat());
  });

  it('CIFAR-100: 2 within a superclass, 4 across, and coarse labels from labelsAtLevel', () => {
    const data = loadHierarchyData('cifar100');
    const coarse = data.coarse_of_fine as number[];
    const h = Hierarchy.fromNested(data);
    expect(h.numLeaves).toBe(100);
    expect(h.leaves).toEqual(data.leaves);
    const d = h.distanceMatrix();
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 100; j++) {
        expect(d[i][j]).toBe(i === j ? 0 : coarse[i] === coarse[j] ? 2 : 4);
      }
    }
    const superclasses = h.nodesAtLevel(1);
    expect(superclasses).toHaveLength(20);
    const labels = Array.from({ length: 100 }, (_, i) => i);
    const up = h.labelsAtLevel(labels, 1);
    // Same superclass node exactly when the file's coarse label agrees.
    for (let i = 0; i < 100; i++) for (let j = 0; j < 100; j++) expect(up[i] === up[j]).toBe(coarse[i] === coarse[j]);
  });
});

describe('structure accessors', () => {
  it('numbers leaves first (class order), then internal nodes breadth-first', () => {
    const h = small();
    expect(h.leaves).toEqual(['cat', 'dog', 'fish', 'plant', 'mould']);
    expect(h.nodes).toEqual(['cat', 'dog', 'fish', 'plant', 'mould', 'root', 'animal', 'fungus', 'mammal']);
    expect(h.root).toBe(5);
    expect(h.numLeaves).toBe(5);
    expect(h.numNodes).toBe(9);
    expect(h.maxDepth).toBe(3);
  });

  it('parent, children, depth, height, ancestors, path, subtree leaves', () => {
    const h = small();
    expect(h.parent('root')).toBeNull();
    expect(h.parent('cat')).toBe(h.index('mammal'));
    expect(h.children('root').map((v) => h.id(v))).toEqual(['animal', 'plant', 'fungus']);
    expect(h.children('cat')).toEqual([]);
    expect(h.depth('cat')).toBe(3);
    expect(h.depth('plant')).toBe(1);
    expect(h.height('root')).toBe(3);
    expect(h.height('animal')).toBe(2);
    expect(h.height('fungus')).toBe(1);
    expect(h.height('dog')).toBe(0);
    expect(h.ancestors('dog').map((v) => h.id(v))).toEqual(['mammal', 'animal', 'root']);
    expect(h.ancestors('dog', { includeSelf: true })[0]).toBe(1);
    expect(h.path('dog')).toEqual(['root', 'animal', 'mammal', 'dog']);
    expect(h.subtreeLeaves('animal')).toEqual([0, 1, 2]);
    expect(h.subtreeLeaves('fish')).toEqual([2]);
    expect(h.isLeaf('fish')).toBe(true);
    expect(h.isLeaf('animal')).toBe(false);
  });

  it('levels: the cut keeps leaves that stop above the level', () => {
    const h = small();
    expect(h.nodesAtLevel(0)).toEqual([h.root]);
    expect(h.nodesAtLevel(1).map((v) => h.id(v))).toEqual(['plant', 'animal', 'fungus']);
    expect(h.nodesAtLevel(2).map((v) => h.id(v))).toEqual(['fish', 'plant', 'mould', 'mammal']);
    expect(h.nodesAtLevel(9)).toEqual([0, 1, 2, 3, 4]);
    expect(h.labelsAtLevel([0, 1, 2, 3, 4], 1).map((v) => h.id(v))).toEqual(['animal', 'animal', 'animal', 'plant', 'fungus']);
    expect(h.labelsAtLevel(new Int32Array([0, 4]), 2).map((v) => h.id(v))).toEqual(['mammal', 'mould']);
    expect(h.labelsAtLevel([1], 0)).toEqual([h.root]);
    expect(h.labelsAtLevel([1, 2], 3)).toEqual([1, 2]);
  });

  it('lca and distance of any two nodes', () => {
    const h = small();
    expect(h.id(h.lca('cat', 'dog'))).toBe('mammal');
    expect(h.id(h.lca('cat', 'fish'))).toBe('animal');
    expect(h.id(h.lca('cat', 'mould'))).toBe('root');
    expect(h.id(h.lca('mammal', 'cat'))).toBe('mammal');
    expect(h.lca(3, 3)).toBe(3);
    expect(h.distance('cat', 'dog')).toBe(2);
    expect(h.distance('cat', 'fish')).toBe(3);
    expect(h.distance('cat', 'mould')).toBe(5);
    expect(h.distance('cat', 'animal')).toBe(2);
    expect(h.distance('cat', 'cat')).toBe(0);
    expect(h.distance('cat', 'dog', 'lcaHeight')).toBe(1);
    expect(h.distance('cat', 'fish', 'lcaHeight')).toBe(2);
    expect(h.distance('cat', 'plant', 'lcaHeight')).toBe(3);
    expect(h.distance('fish', 'fish', 'lcaHeight')).toBe(0);
  });

  it("interop forms: path matrix, sibling groups, the seed's ancestor table", () => {
    const h = small();
    // Columns: non-root nodes cat dog fish plant mould | animal fungus mammal.
    expect(h.nonRootNodes()).toEqual([0, 1, 2, 3, 4, 6, 7, 8]);
    expect(h.pathMatrix()).toEqual([
      [1, 0, 0, 0, 0, 1, 0, 1],
      [0, 1, 0, 0, 0, 1, 0, 1],
      [0, 0, 1, 0, 0, 1, 0, 0],
      [0, 0, 0, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, 0, 1, 0],
    ]);
    expect(h.pathMatrix({ nodes: ['root', 'fungus'] })).toEqual([[1, 0], [1, 0], [1, 0], [1, 0], [1, 1]]);
    expect(h.pathMatrix({ nodes: 'all' })[0]).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 1]);
    // Segment = parent index - numLeaves: root 0, animal 1, fungus 2, mammal 3.
    expect(h.siblingGroups()).toEqual([3, 3, 1, 0, 2, 0, 0, 1]);
    expect(h.siblingGroups(['mammal', 'cat', 'dog', 'fish', 'animal', 'plant', 'fungus', 'mould'])).toEqual([1, 3, 3, 1, 0, 0, 0, 2]);
    const table = h.ancestorTable();
    expect(table).toHaveLength(3);
    // Column of 'cat' (node 0): 3rd ancestor root, 2nd animal, 1st mammal.
    expect(table.map((row) => row[0])).toEqual([5, 6, 8]);
    expect(table.map((row) => row[h.root])).toEqual([-1, -1, -1]);
  });

  it('round-trips through toJSON, toNested and toEdges', () => {
    const h = Hierarchy.fromNested({ root: [{ a: ['x', 'y'] }, 'z'] }, { leaves: ['z', 'y', 'x'] });
    expect(h.toNested()).toEqual({ root: [{ a: ['x', 'y'] }, 'z'] });
    expect(h.toJSON()).toEqual({ tree: { root: [{ a: ['x', 'y'] }, 'z'] }, leaves: ['z', 'y', 'x'] });
    const back = Hierarchy.fromJSON(JSON.parse(JSON.stringify(h)));
    expect(back.nodes).toEqual(h.nodes);
    expect(h.toEdges()).toEqual([['root', 'a'], ['root', 'z'], ['a', 'x'], ['a', 'y']]);
    expect(h.toEdgesText()).toBe('root\ta\nroot\tz\na\tx\na\ty\n');
    const fromEdges = Hierarchy.fromEdges(h.toEdgesText(), { leaves: h.leaves });
    expect(fromEdges.toJSON()).toEqual(h.toJSON());
  });
});

describe('duplicate names', () => {
  const tree = { root: [{ animal: ['bat', 'cat'] }, { sports: ['bat', 'ball'] }] };

  it('are different nodes with path ids; a bare duplicate name is refused as ambiguous', () => {
    const h = Hierarchy.fromNested(tree);
    expect(h.leaves).toEqual(['animal/bat', 'cat', 'sports/bat', 'ball']);
    expect(h.names.slice(0, 4)).toEqual(['bat', 'cat', 'bat', 'ball']);
    expect(h.index('animal/bat')).toBe(0);
    expect(h.index('root/sports/bat')).toBe(2);
    expect(h.index('cat')).toBe(1);
    expect(h.distance('animal/bat', 'sports/bat')).toBe(4);
    expect(() => h.index('bat')).toThrow("Hierarchy.index: argument 'node' must name one node; 'bat' could be 'animal/bat', 'sports/bat'");
    expect(() => h.depth('bat')).toThrow(/Hierarchy.depth: argument 'node' must name one node; 'bat' could be/);
  });

  it('survive toEdges → fromEdges and toJSON → fromJSON', () => {
    const h = Hierarchy.fromNested(tree, { leaves: ['sports/bat', 'ball', 'cat', 'animal/bat'] });
    const edges = h.toEdges();
    expect(edges).toContainEqual(['animal', 'animal/bat']);
    const viaEdges = Hierarchy.fromEdges(edges, { leaves: h.leaves });
    expect(viaEdges.toJSON()).toEqual(h.toJSON());
    expect(viaEdges.names).toEqual(h.names);
    expect(Hierarchy.fromJSON(h.toJSON()).leaves).toEqual(h.leaves);
  });

  it('repeated deeper: ids chain through duplicated parents', () => {
    const h = Hierarchy.fromPaths([
      ['r', 'x', 'a', 'leaf'],
      ['r', 'y', 'a', 'leaf'],
      ['r', 'y', 'b'],
    ]);
    expect(h.leaves).toEqual(['x/a/leaf', 'y/a/leaf', 'b']);
    expect(h.index('y/a/leaf')).toBe(1);
    expect(h.id(h.parent('x/a/leaf') as number)).toBe('x/a');
    expect(Hierarchy.fromEdges(h.toEdges(), { leaves: h.leaves }).toJSON()).toEqual(h.toJSON());
  });

  it('honours a custom separator', () => {
    const h = Hierarchy.fromNested(tree, { separator: '::' });
    expect(h.leaves).toEqual(['animal::bat', 'cat', 'sports::bat', 'ball']);
    expect(h.index('sports::bat')).toBe(2);
  });
});

describe('large trees', () => {
  it('lca and distance on 100,000 leaves at depth 12 without a K×K table', () => {
    // Leaf i hangs under the level-11 node (i mod 2^11); the level-d node of i is (i mod 2^d).
    const k = 100_000;
    const entries: Array<[string, string | null]> = [['L0_0', null]];
    for (let d = 1; d <= 11; d++) for (let r = 0; r < 2 ** d; r++) entries.push([`L${d}_${r}`, `L${d - 1}_${r % 2 ** (d - 1)}`]);
    for (let i = 0; i < k; i++) entries.push([`leaf${i}`, `L11_${i % 2048}`]);
    const h = Hierarchy.fromParents(entries);
    expect(h.numLeaves).toBe(k);
    expect(h.maxDepth).toBe(12);
    const expected = (i: number, j: number) => {
      if (i === j) return 0;
      let same = 0;
      while (same < 11 && ((i ^ j) & (1 << same)) === 0) same++;
      return 2 * (12 - same);
    };
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % k;
    const wrong: string[] = [];
    for (let t = 0; t < 20_000; t++) {
      const i = rand();
      const j = rand();
      const got = h.distance(h.index(`leaf${i}`), h.index(`leaf${j}`));
      if (got !== expected(i, j)) wrong.push(`leaf${i}–leaf${j}: ${got} vs ${expected(i, j)}`);
    }
    expect(wrong).toEqual([]);
    expect(h.distance(h.index('leaf0'), h.index('leaf1'), 'lcaHeight')).toBe(12);
    expect(h.id(h.lca(h.index('leaf5'), h.index('leaf2053')))).toBe('L11_5');
  });

  it('deep chains: no recursion limits in parsing, lca or serialization', () => {
    const depth = 20_000;
    const entries: Array<[string, string | null]> = [['n0', null]];
    for (let i = 1; i <= depth; i++) entries.push([`n${i}`, `n${i - 1}`]);
    entries.push(['side', 'n0']);
    const h = Hierarchy.fromParents(entries);
    expect(h.maxDepth).toBe(depth);
    expect(h.distance(`n${depth}`, 'side')).toBe(depth + 1);
    expect(h.distance(`n${depth}`, 'n7000')).toBe(depth - 7000);
    const again = Hierarchy.fromNested(h.toNested());
    expect(again.maxDepth).toBe(depth);
    expect(Hierarchy.fromEdges(h.toEdgesText()).numNodes).toBe(h.numNodes);
  });
});
