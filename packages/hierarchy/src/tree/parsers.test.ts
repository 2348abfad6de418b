import { describe, expect, it } from 'vitest';
import { loadHierarchyData } from '@mgp/test-utils';
import { Hierarchy } from './hierarchy';

const shape = (h: Hierarchy) => ({ json: h.toJSON(), nodes: h.nodes });

describe('Hierarchy.fromNested', () => {
  it('reads the data files, with their leaves fixing the class order', () => {
    const data = loadHierarchyData('fashion-mnist');
    const h = Hierarchy.fromNested(data);
    expect(h.leaves).toEqual(data.leaves);
    expect(h.index('T-shirt/top')).toBe(0); // a name containing the separator still resolves
    expect(h.distance('T-shirt/top', 'Shirt')).toBe(2);
    expect(h.distance('T-shirt/top', 'Trouser')).toBe(4);
    expect(h.distance('T-shirt/top', 'Sandal')).toBe(6);
    // Only the tree: leaves in pre-order.
    const treeOnly = Hierarchy.fromNested(data.tree);
    expect(treeOnly.leaves.slice(0, 4)).toEqual(['T-shirt/top', 'Pullover', 'Coat', 'Shirt']);
    // opts.leaves wins over the file's.
    const reordered = Hierarchy.fromNested(data, { leaves: [...data.leaves].reverse() });
    expect(reordered.leaves[0]).toBe('Ankle boot');
  });

  it('accepts JSON text, object-valued children and numbers as leaf names', () => {
    const a = Hierarchy.fromNested('{"root": [{"animal": ["cat", "dog"]}, "plant"]}');
    const b = Hierarchy.fromNested({ root: { animal: ['cat', 'dog'], plant: ['fern'] } });
    const c = Hierarchy.fromNested({ digits: [0, 1, { odd: [3, 5] }] });
    expect(a.leaves).toEqual(['cat', 'dog', 'plant']);
    expect(b.leaves).toEqual(['cat', 'dog', 'fern']);
    expect(b.children('root').map((v) => b.id(v))).toEqual(['animal', 'plant']);
    expect(c.leaves).toEqual(['0', '1', '3', '5']);
  });

  it('adds a root above a forest when asked', () => {
    const h = Hierarchy.fromNested({ animal: ['cat', 'dog'], plant: ['fern'] }, { implicitRoot: true });
    expect(h.id(h.root)).toBe('root');
    expect(h.distance('cat', 'fern')).toBe(4);
    const named = Hierarchy.fromNested([{ animal: ['cat'] }, 'rock'], { implicitRoot: 'everything' });
    expect(named.id(named.root)).toBe('everything');
    expect(named.depth('rock')).toBe(1);
    // A single root stays as it is.
    expect(Hierarchy.fromNested({ r: ['a', 'b'] }, { implicitRoot: true }).id(2)).toBe('r');
  });
});

describe('Hierarchy.fromParents', () => {
  const map = { root: null, animal: 'root', cat: 'animal', dog: 'animal', plant: 'root' };

  it('reads objects, Maps and entries alike; siblings keep the order of their entries', () => {
    const a = Hierarchy.fromParents(map);
    const b = Hierarchy.fromParents(new Map(Object.entries(map)));
    const c = Hierarchy.fromParents(Object.entries(map));
    expect(shape(b)).toEqual(shape(a));
    expect(shape(c)).toEqual(shape(a));
    expect(a.toNested()).toEqual({ root: [{ animal: ['cat', 'dog'] }, 'plant'] });
    const late = Hierarchy.fromParents({ cat: 'animal', plant: 'root', animal: 'root' });
    expect(late.children('root').map((v) => late.id(v))).toEqual(['plant', 'animal']);
  });

  it('takes a parent that is never a key as the root', () => {
    const h = Hierarchy.fromParents({ cat: 'animal', dog: 'animal' });
    expect(h.id(h.root)).toBe('animal');
    expect(h.leaves).toEqual(['cat', 'dog']);
  });

  it('reads path tokens as written by toEdges (parent id, separator, name)', () => {
    const h = Hierarchy.fromParents({ r: null, animal: 'r', sports: 'r', 'animal/bat': 'animal', 'sports/bat': 'sports' });
    expect(h.names.slice(0, 2)).toEqual(['bat', 'bat']);
    expect(h.leaves).toEqual(['animal/bat', 'sports/bat']);
  });
});

describe('Hierarchy.fromEdges', () => {
  it('reads WordNet is-a style text: spaces or tabs, comments and blank lines', () => {
    const text = '# is-a pairs\nn00001740 n00002684\n\nn00002684\tn00003553\r\n  n00001740   n00004258  \nn00003553 n02084071\n';
    const h = Hierarchy.fromEdges(text);
    expect(h.id(h.root)).toBe('n00001740');
    expect(h.leaves).toEqual(['n02084071', 'n00004258']);
    expect(h.distance('n02084071', 'n00004258')).toBe(4);
  });

  it('reads pairs, tab-separated names with spaces, and ignores repeated edges', () => {
    const pairs: Array<[string, string]> = [['life', 'animal'], ['animal', 'house cat'], ['animal', 'house cat'], ['life', 'plant']];
    const h = Hierarchy.fromEdges(pairs);
    expect(h.leaves).toEqual(['house cat', 'plant']);
    const t = Hierarchy.fromEdges('life\tanimal\nanimal\thouse cat\nlife\tplant\n');
    expect(shape(t)).toEqual(shape(h));
  });

  it('keeps sibling order by edge order even when a child appeared first as a parent', () => {
    const h = Hierarchy.fromEdges('b c\nr d\nr b\n');
    expect(h.children('r').map((v) => h.id(v))).toEqual(['d', 'b']);
  });

  it('accepts a forest with implicitRoot', () => {
    const h = Hierarchy.fromEdges('a x\nb y\n', { implicitRoot: true });
    expect(h.distance('x', 'y')).toBe(4);
  });
});

describe('Hierarchy.fromPaths', () => {
  it('one path per class, as arrays or separated strings; label i is the leaf of paths[i]', () => {
    const h = Hierarchy.fromPaths(['root/animal/cat', ['root', 'plant'], 'root/animal/dog']);
    expect(h.leaves).toEqual(['cat', 'plant', 'dog']);
    expect(h.toNested()).toEqual({ root: [{ animal: ['cat', 'dog'] }, 'plant'] });
    const custom = Hierarchy.fromPaths(['root>a>b', 'root>c'], { separator: '>' });
    expect(custom.leaves).toEqual(['b', 'c']);
  });

  it('the same name under two parents is two nodes', () => {
    const h = Hierarchy.fromPaths([['r', 'animal', 'bat'], ['r', 'sports', 'bat']]);
    expect(h.leaves).toEqual(['animal/bat', 'sports/bat']);
    expect(h.distance(0, 1)).toBe(4);
  });

  it('forests with implicitRoot, and leaves reordered by opts.leaves', () => {
    const h = Hierarchy.fromPaths([['a', 'x'], ['b', 'y']], { implicitRoot: true, leaves: ['y', 'x'] });
    expect(h.leaves).toEqual(['y', 'x']);
    expect(h.path('y')).toEqual(['root', 'b', 'y']);
  });
});

describe('edge text quoting', () => {
  it("toEdgesText quotes names starting with '#' or '\"' or with surrounding spaces, and fromEdges reads them back", () => {
    const h = Hierarchy.fromNested({ r: [{ '#group': ['a', ' padded '] }, '"q"', 'plain name'] });
    const text = h.toEdgesText();
    expect(text).toBe('r\t"#group"\nr\t"\\"q\\""\nr\tplain name\n"#group"\ta\n"#group"\t" padded "\n');
    expect(Hierarchy.fromEdges(text).toJSON()).toEqual(h.toJSON());
  });

  it('refuses an empty quoted name', () => {
    expect(() => Hierarchy.fromEdges('r\t""\n')).toThrow(/argument 'edges' must hold non-empty names; line 1/);
  });
});

describe('wide trees', () => {
  it('a node with 150,000 children parses and writes back', () => {
    const leaves = Array.from({ length: 150_000 }, (_, i) => `c${i}`);
    const h = Hierarchy.fromNested({ r: leaves });
    expect(h.numLeaves).toBe(150_000);
    expect((h.toNested() as { r: string[] }).r.length).toBe(150_000);
  });
});
