// Hierarchical cross-entropy symmetries on random trees (@mgp/hierarchy tests α = 0 against cross-entropy on its
// own random trees; these add): adding a constant to a row of logits changes nothing, and neither does listing the
// classes in another order (logit columns and labels moved alike).
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { Hierarchy, hierarchicalCrossEntropy } from '@mgp/hierarchy';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { lcg, randomLabels, randomMatrix } from '../support/matrices';
import { arbitraryTree } from './random-tree';

beforeAll(async () => {
  await useTestBackend();
});

const problem = fc
  .tuple(arbitraryTree({ maxNodes: 25 }), fc.integer({ min: 1, max: 6 }), fc.integer(), fc.double({ min: 0, max: 2, noNaN: true }))
  .map(([tree, b, seed, alpha]) => {
    const h = Hierarchy.fromNested(tree.nested);
    return { h, tree, alpha, logits: randomMatrix(b, h.numLeaves, seed, 4), labels: randomLabels(b, h.numLeaves, seed), seed };
  });

const hxe = (logits: number[][], labels: number[], h: Hierarchy, alpha: number) =>
  tf.tidy(() => Array.from(hierarchicalCrossEntropy(tf.tensor2d(logits), labels, h, { alpha, reduction: 'none' }).dataSync()));

describe('HXE symmetries on random trees', () => {
  it('adding a constant to each row of logits leaves every sample loss unchanged', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: -50, max: 50, noNaN: true }), ({ h, logits, labels, alpha }, c) => {
        const shifted = logits.map((row, i) => row.map((v) => v + c * (i + 1)));
        expectClose(hxe(shifted, labels, h, alpha), hxe(logits, labels, h, alpha), { rtol: 1e-4, atol: 1e-4 });
      }),
      { numRuns: 50, seed: 41 },
    );
  });

  it('another class order (columns and labels moved alike) leaves every sample loss unchanged', () => {
    fc.assert(
      fc.property(problem, ({ h, tree, logits, labels, alpha, seed }) => {
        const next = lcg(seed);
        const order = h.leaves.map((_, i) => i).sort(() => next() - 0.5);
        const other = Hierarchy.fromNested(tree.nested, { leaves: order.map((i) => h.leaves[i]) });
        const moved = logits.map((row) => order.map((i) => row[i]));
        const relabelled = labels.map((y) => order.indexOf(y));
        expectClose(hxe(moved, relabelled, other, alpha), hxe(logits, labels, h, alpha), { rtol: 1e-5, atol: 1e-6 });
      }),
      { numRuns: 50, seed: 42 },
    );
  });
});
