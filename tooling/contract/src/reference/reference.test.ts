// The float64 references must be right before they judge anything: against the golden files and against
// central finite differences.
import { goldenCases } from '@mgp/test-utils';
import { describe, expect, it } from 'vitest';
import { leafNll, logMarginals } from './hierarchical-softmax';
import { hxe } from './hxe';
import { prototypeStep } from './prototype-step';
import { refTree } from './tree';

function finiteDifferences(f: (x: number[][]) => number, x: number[][], h = 1e-6): number[][] {
  return x.map((row, i) =>
    row.map((_, j) => {
      const shifted = (delta: number) => x.map((r, a) => r.map((v, b) => (a === i && b === j ? v + delta : v)));
      return (f(shifted(h)) - f(shifted(-h))) / (2 * h);
    }),
  );
}

function maxAbsDiff(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));
}

describe.each(goldenCases)('float64 references on %s', (_name, g) => {
  const t = refTree(g.tree.parent, g.tree.leaves);
  const { node_order: order, edge_logits: edges } = g.hierarchical_inference;

  it('HXE equals the golden values, and its gradient the finite differences', () => {
    expect(hxe(t, g.inputs.logits, g.inputs.labels, g.hxe.alpha).loss).toBeCloseTo(g.hxe.value, 12);
    expect(hxe(t, g.inputs.logits, g.inputs.labels, 0).loss).toBeCloseTo(g.hxe.alpha0_value, 12);
    const { grad } = hxe(t, g.inputs.logits, g.inputs.labels, g.hxe.alpha);
    const fd = finiteDifferences((z) => hxe(t, z, g.inputs.labels, g.hxe.alpha).loss, g.inputs.logits);
    expect(maxAbsDiff(grad, fd)).toBeLessThan(1e-7);
  });

  it('hierarchical softmax gives the golden log marginals, and the NLL gradient the finite differences', () => {
    expect(maxAbsDiff(logMarginals(t, order, edges), g.hierarchical_inference.log_marginals)).toBeLessThan(1e-12);
    const labels = edges.map((_, n) => g.inputs.labels[n % g.inputs.labels.length]);
    const { grad } = leafNll(t, order, edges, labels);
    const fd = finiteDifferences((z) => leafNll(t, order, z, labels).loss, edges);
    expect(maxAbsDiff(grad, fd)).toBeLessThan(1e-7);
  });

  it('the prototype step has the cross-entropy gradient of the finite differences', () => {
    const base = { embeddings: g.inputs.embeddings, labels: g.inputs.labels, weight: 0, learningRate: 0.1 };
    const zeros = g.inputs.prototypes.map((row) => row.map(() => 0));
    const f = (p: number[][]) => prototypeStep({ ...base, prototypes: p, regularizerValue: 0, regularizerGrad: zeros }).loss;
    const { grad } = prototypeStep({ ...base, prototypes: g.inputs.prototypes, regularizerValue: 0, regularizerGrad: zeros });
    expect(maxAbsDiff(grad, finiteDifferences(f, g.inputs.prototypes))).toBeLessThan(1e-7);
  });
});
