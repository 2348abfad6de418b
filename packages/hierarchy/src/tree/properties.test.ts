import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Hierarchy } from './hierarchy';
import { randomTree } from './random-tree.test-support';

/** Plain reference: ancestors-or-self lists, walked without the lifting table. */
function naivePath(h: Hierarchy, a: number, b: number): number {
  const up = (v: number) => h.ancestors(v, { includeSelf: true });
  const ua = up(a);
  const ub = new Set(up(b));
  const lca = ua.find((v) => ub.has(v)) as number;
  return h.depth(a) + h.depth(b) - 2 * h.depth(lca);
}

describe('tree properties on random trees', () => {
  it('path distance is a metric on all nodes and matches a plain ancestor walk', () => {
    fc.assert(
      fc.property(randomTree(), ({ h }) => {
        const n = h.numNodes;
        const d = h.distanceMatrix({ nodes: 'all' });
        for (let i = 0; i < n; i++) {
          if (d[i][i] !== 0) return false;
          for (let j = 0; j < n; j++) {
            if (d[i][j] !== d[j][i] || (i !== j && !(d[i][j] > 0)) || d[i][j] !== naivePath(h, i, j)) return false;
            for (let k = 0; k < n; k++) if (d[i][k] > d[i][j] + d[j][k]) return false;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('lcaHeight is an ultrametric on the leaves', () => {
    fc.assert(
      fc.property(randomTree(), ({ h }) => {
        const d = h.distanceMatrix({ kind: 'lcaHeight' });
        const k = h.numLeaves;
        for (let i = 0; i < k; i++) {
          for (let j = 0; j < k; j++) {
            if (d[i][j] !== d[j][i] || (i !== j && !(d[i][j] > 0))) return false;
            for (let l = 0; l < k; l++) if (d[i][l] > Math.max(d[i][j], d[j][l])) return false;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('nested → edges → nested, nested → paths → nested and nested → JSON → nested round-trip', () => {
    fc.assert(
      fc.property(randomTree(), ({ h }) => {
        const json = h.toJSON();
        const viaEdges = Hierarchy.fromEdges(h.toEdges(), { leaves: h.leaves });
        expect(viaEdges.toJSON()).toEqual(json);
        const viaText = Hierarchy.fromEdges(h.toEdgesText(), { leaves: h.leaves });
        expect(viaText.toJSON()).toEqual(json);
        const viaNested = Hierarchy.fromNested(h.toNested(), { leaves: h.leaves });
        expect(viaNested.toJSON()).toEqual(json);
        expect(Hierarchy.fromJSON(JSON.parse(JSON.stringify(json))).nodes).toEqual(h.nodes);
        // Paths in class order rebuild the same tree when the class order is the pre-order (the default).
        const preorder = Hierarchy.fromNested(h.toNested());
        const viaPaths = Hierarchy.fromPaths(preorder.leaves.map((l) => preorder.path(l)));
        expect(viaPaths.toJSON()).toEqual(preorder.toJSON());
      }),
      { numRuns: 100 },
    );
  });

  it('interop forms agree with the structure', () => {
    fc.assert(
      fc.property(randomTree(), ({ h }) => {
        const cols = h.nonRootNodes();
        const pm = h.pathMatrix();
        const groups = h.siblingGroups();
        for (let k = 0; k < h.numLeaves; k++) {
          expect(pm[k].reduce((a, b) => a + b, 0)).toBe(h.depth(k));
          cols.forEach((v, c) => expect(pm[k][c]).toBe(h.ancestors(k, { includeSelf: true }).includes(v) ? 1 : 0));
        }
        cols.forEach((v, c) => expect(groups[c]).toBe((h.parent(v) as number) - h.numLeaves));
        for (let level = 0; level <= h.maxDepth; level++) {
          const cut = h.nodesAtLevel(level);
          // A cut covers every leaf exactly once.
          const covered = cut.flatMap((v) => h.subtreeLeaves(v)).sort((a, b) => a - b);
          expect(covered).toEqual(Array.from({ length: h.numLeaves }, (_, i) => i));
          const labels = h.labelsAtLevel(covered, level);
          labels.forEach((v, i) => expect(h.subtreeLeaves(v)).toContain(covered[i]));
        }
      }),
      { numRuns: 100 },
    );
  });
});
