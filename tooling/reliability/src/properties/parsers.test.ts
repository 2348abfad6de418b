// Parser round trips on random trees whose names are what real class lists hold (spaces, unicode, digits only,
// 'constructor', '__proto__'): nested → edges → nested, nested → edges text → nested, nested → parents map →
// nested and nested → paths → nested give the same tree, and every parser's distances agree and are a metric.
// (@mgp/hierarchy's own round-trip property uses plain names only.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
import { RICH_NAMES, arbitraryTree } from './random-tree';

const rich = arbitraryTree({ pool: RICH_NAMES });

describe('parser round trips on random trees with realistic names', () => {
  it('nested → edges (pairs and text) → nested keeps the tree and the class order', () => {
    fc.assert(
      fc.property(rich, ({ nested }) => {
        const h = Hierarchy.fromNested(nested);
        const json = h.toJSON();
        expect(Hierarchy.fromEdges(h.toEdges(), { leaves: h.leaves }).toJSON()).toEqual(json);
        expect(Hierarchy.fromEdges(h.toEdgesText(), { leaves: h.leaves }).toJSON()).toEqual(json);
        expect(Hierarchy.fromJSON(JSON.parse(JSON.stringify(json))).toJSON()).toEqual(json);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('nested → parents map (object, Map, entries) → nested keeps the tree', () => {
    fc.assert(
      fc.property(rich, ({ nested }) => {
        const h = Hierarchy.fromNested(nested);
        const entries = h.toEdges().map(([p, c]) => [c, p] as [string, string]);
        const rootId = h.nodes[h.root];
        for (const map of [new Map(entries), [[rootId, null], ...entries] as Array<[string, string | null]>]) {
          expect(Hierarchy.fromParents(map, { leaves: h.leaves }).toJSON()).toEqual(h.toJSON());
        }
      }),
      { numRuns: 100, seed: 12 },
    );
  });

  it('nested → paths → nested keeps the tree (class order: the paths order)', () => {
    fc.assert(
      fc.property(rich, ({ nested, paths }) => {
        const h = Hierarchy.fromNested(nested);
        expect(Hierarchy.fromPaths(paths).toJSON()).toEqual(h.toJSON());
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it('every parser gives the same path and lcaHeight distances, and they are a metric and an ultrametric', () => {
    fc.assert(
      fc.property(rich, ({ nested, paths }) => {
        const h = Hierarchy.fromNested(nested);
        const others = [Hierarchy.fromEdges(h.toEdgesText(), { leaves: h.leaves }), Hierarchy.fromPaths(paths)];
        const path = h.distanceMatrix();
        const lca = h.distanceMatrix({ kind: 'lcaHeight' });
        for (const o of others) {
          expect(o.distanceMatrix()).toEqual(path);
          expect(o.distanceMatrix({ kind: 'lcaHeight' })).toEqual(lca);
        }
        const k = h.numLeaves;
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            if (i !== j && !(path[i][j] > 0 && lca[i][j] > 0)) return false;
            if (path[i][j] !== path[j][i] || lca[i][j] !== lca[j][i]) return false;
            for (let l = 0; l < k; l++) {
              if (path[i][l] > path[i][j] + path[j][l] || lca[i][l] > Math.max(lca[i][j], lca[j][l])) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 100, seed: 14 },
    );
  });
});

describe('names plain edge text cannot carry', () => {
  it("toEdgesText → fromEdges keeps a node whose name starts with '#' (quoted, not read as a comment)", () => {
    const h = Hierarchy.fromNested({ r: [{ '#group': ['a', 'b'] }, 'c'] });
    expect(Hierarchy.fromEdges(h.toEdgesText()).toJSON()).toEqual(h.toJSON());
  });

  it('toEdgesText → fromEdges keeps a node whose name has surrounding spaces (quoted, not trimmed)', () => {
    const h = Hierarchy.fromNested({ r: [{ ' padded ': ['a', 'b'] }, 'c'] });
    expect(Hierarchy.fromEdges(h.toEdgesText()).toJSON()).toEqual(h.toJSON());
  });

  it('a name with a tab makes toEdgesText write text that fromEdges refuses (clearly, naming the line)', () => {
    const h = Hierarchy.fromNested({ r: [{ 'tab\there': ['a', 'b'] }, 'c'] });
    expect(() => Hierarchy.fromEdges(h.toEdgesText())).toThrow(/argument 'edges' must have one 'parent child' pair a line; line 1 has 3 fields/);
  });
});
