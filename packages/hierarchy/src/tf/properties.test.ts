import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { Hierarchy } from '../tree/hierarchy';
import { randomTree } from '../tree/random-tree.test-support';
import { hierarchicalCrossEntropy } from './hxe';
import { hierarchicalLogMarginals, logConditionals, pathSums } from './log-marginals';
import { marginalPlan } from './plans';
import { levelLogProbs, leafLogProbs } from './predict';
import { leafLogitsToLogMarginals } from './subtree';
import { crossEntropyRef, randomMatrix } from './reference.test-support';

beforeAll(async () => {
  await useTestBackend();
});

const caseOf = fc.tuple(randomTree({ maxNodes: 25 }), fc.integer({ min: 1, max: 6 }), fc.nat());

/** Checks that, for every internal node, its children's probabilities add up to its own (the root's is 1). */
function siblingsSumToParent(h: Hierarchy, marginals: number[][], order: readonly number[]): void {
  const column = new Map(order.map((v, c) => [v, c]));
  for (const row of marginals) {
    for (let v = h.numLeaves; v < h.numNodes; v++) {
      const parent = v === h.root ? 1 : Math.exp(row[column.get(v) as number]);
      const children = h.children(v).reduce((s, c) => s + Math.exp(row[column.get(c) as number]), 0);
      expect(Math.abs(children - parent)).toBeLessThanOrEqual(1e-5 * Math.max(1, parent));
    }
  }
}

describe('tfjs properties on random trees', () => {
  it('HXE with alpha = 0 equals the plain cross-entropy', async () => {
    await fc.assert(
      fc.asyncProperty(caseOf, async ([{ h }, b, seed]) => {
        const logits = randomMatrix(b, h.numLeaves, seed, 4);
        const labels = Array.from({ length: b }, (_, i) => (seed + 7 * i) % h.numLeaves);
        const x = tf.tensor2d(logits);
        const loss = hierarchicalCrossEntropy(x, labels, h, { alpha: 0 });
        expectClose([(await loss.data())[0]], [crossEntropyRef(logits, labels)], { rtol: 1e-4, atol: 1e-5 });
        tf.dispose([x, loss]);
      }),
      { numRuns: 40 },
    );
  });

  it('YOLOv2 marginals: siblings sum to their parent, leaves sum to 1, every level cut sums to 1', async () => {
    await fc.assert(
      fc.asyncProperty(caseOf, async ([{ h }, b, seed]) => {
        const order = h.nonRootNodes();
        const x = tf.tensor2d(randomMatrix(b, order.length, seed, 4));
        const marginals = hierarchicalLogMarginals(x, h);
        siblingsSumToParent(h, (await marginals.array()) as number[][], order);
        const leaves = leafLogProbs(marginals, h);
        for (const row of (await leaves.array()) as number[][]) expect(row.reduce((s, v) => s + Math.exp(v), 0)).toBeCloseTo(1, 5);
        for (let level = 1; level <= h.maxDepth; level++) {
          const cut = levelLogProbs(marginals, h, level);
          for (const row of (await cut.array()) as number[][]) expect(row.reduce((s, v) => s + Math.exp(v), 0)).toBeCloseTo(1, 5);
          cut.dispose();
        }
        tf.dispose([x, marginals, leaves]);
      }),
      { numRuns: 40 },
    );
  });

  it('leaf logits read as marginals: siblings sum to their parent and the leaves give back log-softmax', async () => {
    await fc.assert(
      fc.asyncProperty(caseOf, async ([{ h }, b, seed]) => {
        const logits = randomMatrix(b, h.numLeaves, seed, 4);
        const x = tf.tensor2d(logits);
        const marginals = leafLogitsToLogMarginals(x, h);
        const rows = (await marginals.array()) as number[][];
        siblingsSumToParent(h, rows, h.nonRootNodes());
        const logSoftmax = tf.logSoftmax(x);
        expectClose(rows.map((r) => r.slice(0, h.numLeaves)), await logSoftmax.array(), { rtol: 1e-4, atol: 1e-5 });
        tf.dispose([x, marginals, logSoftmax]);
      }),
      { numRuns: 40 },
    );
  });

  it('path sums: the path-matrix matMul and pointer doubling agree, values and gradients', async () => {
    await fc.assert(
      fc.asyncProperty(caseOf, async ([{ h }, b, seed]) => {
        const plan = marginalPlan(h, h.nonRootNodes());
        const x = tf.tensor2d(randomMatrix(b, plan.nodes.length, seed));
        const w = tf.tensor2d(randomMatrix(b, plan.nodes.length, seed + 1));
        const viaMatMul = pathSums(x, plan, 'matMul');
        const viaDoubling = pathSums(x, plan, 'doubling');
        expectClose(await viaDoubling.array(), await viaMatMul.array(), { rtol: 1e-5, atol: 1e-5 });
        const grad = (method: 'matMul' | 'doubling') => tf.grad((e: tf.Tensor) => tf.sum(tf.mul(pathSums(e as tf.Tensor2D, plan, method), w)))(x);
        const [g1, g2] = [grad('matMul'), grad('doubling')];
        expectClose(await g2.array(), await g1.array(), { rtol: 1e-5, atol: 1e-5 });
        tf.dispose([x, w, viaMatMul, viaDoubling, g1, g2]);
      }),
      { numRuns: 40 },
    );
  });

  it('a tree past the path-matrix limit (1,300 columns) gives the same marginals as the matMul path', async () => {
    const h = Hierarchy.fromPaths(Array.from({ length: 1000 }, (_, i) => ['r', `a${i % 7}`, `b${i % 7}_${i % 91}`, `leaf${i}`]));
    const plan = marginalPlan(h, h.nonRootNodes());
    expect(plan.nodes.length).toBeGreaterThan(512);
    const x = tf.tensor2d(randomMatrix(3, plan.nodes.length, 4));
    const auto = hierarchicalLogMarginals(x, h);
    const cond = logConditionals(x, plan);
    const viaMatMul = pathSums(cond, plan, 'matMul');
    expectClose(await auto.array(), await viaMatMul.array(), { rtol: 1e-5, atol: 1e-5 });
    tf.dispose([x, auto, cond, viaMatMul]);
  });
});
