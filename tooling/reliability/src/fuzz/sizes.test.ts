// Inputs of pathological size: very deep and very wide trees, very long names and references. Each must parse
// (they are valid trees) or be refused with an MgpInputError; depth and name length must not matter.
import { describe, expect, it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
import { settle } from './settle';

describe('trees of pathological size', () => {
  it('a chain 20,000 deep, read by every parser, with distances and lookups along it', () => {
    const depth = 20_000;
    const edges = Array.from({ length: depth }, (_, i) => `n${i}\tn${i + 1}`).join('\n') + '\nn0\tside\n';
    const h = Hierarchy.fromEdges(edges);
    expect(h.maxDepth).toBe(depth);
    expect(h.distance(`n${depth}`, 'side')).toBe(depth + 1);
    expect(h.lca(`n${depth}`, 'side')).toBe(h.index('n0'));
    expect(Hierarchy.fromNested(h.toNested()).maxDepth).toBe(depth);
    expect(Hierarchy.fromJSON(h.toJSON()).maxDepth).toBe(depth); // (JSON.stringify itself overflows at this depth)
    expect(Hierarchy.fromPaths([h.path(`n${depth}`), ['n0', 'side']]).maxDepth).toBe(depth);
    expect(h.labelsAtLevel([0, 1], 10_000).length).toBe(2);
  });

  it('names of a megabyte and a reference with 20,000 separators are handled', () => {
    const long = 'x'.repeat(1 << 20);
    const h = Hierarchy.fromNested({ r: [long, 'b'] });
    expect(h.index(long)).toBe(0);
    const ref = Array.from({ length: 20_000 }, () => 'a').join('/');
    const outcome = settle(() => {
      h.index(ref);
      return h;
    });
    expect(outcome.outcome).toBe('refused');
  });

  it('100,000 leaves in 1,000 groups parse with every parser', () => {
    const groups = Array.from({ length: 1000 }, (_, g) => ({ [`g${g}`]: Array.from({ length: 100 }, (_, i) => `c${g}_${i}`) }));
    const h = Hierarchy.fromNested({ r: groups });
    expect(h.numLeaves).toBe(100_000);
    expect(Hierarchy.fromEdges(h.toEdgesText()).numLeaves).toBe(100_000);
    expect(h.distance('c0_0', 'c999_99')).toBe(4);
  });

  it('a node with 150,000 children parses (no call-stack overflow from spreading a huge child list)', () => {
    // A flat class list of that size (a large product catalogue under one root) must load.
    const leaves = Array.from({ length: 150_000 }, (_, i) => `c${i}`);
    expect(settle(() => Hierarchy.fromNested({ r: leaves })).outcome).toBe('tree');
  });
});
