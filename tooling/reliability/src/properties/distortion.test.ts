// Invariances of the distortion family on tree metrics of random trees and random points (@mgp/metrics tests
// scale invariance on random matrices; these add the symmetries): relabelling the classes, rigid motions of the
// points, scaling D, scaling points one by one under the cosine metric; and the scale-free distortion is never
// above the plain one.
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
import { distortion, distortionLoss, rankLoss, scaleFreeDistortion } from '@mgp/metrics';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { lcg, randomMatrix, type Matrix } from '../support/matrices';
import { arbitraryTree } from './random-tree';

beforeAll(async () => {
  await useTestBackend();
});

/** A tree with at least 3 leaves, its leaf distances, and random points, one per leaf. */
const problem = fc
  .tuple(arbitraryTree({ maxNodes: 16 }), fc.integer({ min: 1, max: 4 }), fc.integer(), fc.constantFrom('path' as const, 'lcaHeight' as const))
  .map(([tree, d, seed, kind]) => {
    const h = Hierarchy.fromNested(tree.nested);
    return { h, D: h.distanceMatrix({ kind }), points: randomMatrix(h.numLeaves, d, seed, 2), seed };
  })
  .filter(({ h }) => h.numLeaves >= 3);

function permutation(n: number, seed: number): number[] {
  const next = lcg(seed);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Rotation of the plane of axes (0, 1) by angle a (identity when d = 1), then a translation. */
function rigid(points: Matrix, a: number, shift: number[]): Matrix {
  return points.map((row) => {
    const out = row.slice();
    if (row.length > 1) {
      out[0] = Math.cos(a) * row[0] - Math.sin(a) * row[1];
      out[1] = Math.sin(a) * row[0] + Math.cos(a) * row[1];
    }
    return out.map((v, i) => v + shift[i % shift.length]);
  });
}

const measures = (points: Matrix, D: Matrix, metric: 'euclidean' | 'cosine' = 'euclidean') =>
  tf.tidy(() => {
    const p = tf.tensor2d(points);
    return [
      distortion(p, D, { metric }).dataSync()[0],
      scaleFreeDistortion(p, D, { metric }).dataSync()[0],
      distortionLoss(p, D, { metric }).dataSync()[0],
      distortionLoss(p, D, { metric, scaleFree: false }).dataSync()[0],
    ];
  });

describe('distortion invariances on tree metrics', () => {
  it('relabelling the classes (points and D permuted alike) changes nothing, rank loss on matching triplets included', () => {
    fc.assert(
      fc.property(problem, ({ D, points, seed }) => {
        const k = D.length;
        const p = permutation(k, seed);
        const Dp = p.map((i) => p.map((j) => D[i][j]));
        const Pp = p.map((i) => points[i]);
        expectClose(measures(Pp, Dp), measures(points, D), { rtol: 1e-4, atol: 1e-6 });
        const triplets = Array.from({ length: 12 }, (_, t) => [t % k, (t + 1) % k, (t + 2) % k]);
        const inverse = Array.from({ length: k }, (_, i) => p.indexOf(i));
        const [a, b] = tf.tidy(() => [
          rankLoss(tf.tensor2d(points), D, { triplets }).dataSync()[0],
          rankLoss(tf.tensor2d(Pp), Dp, { triplets: triplets.map((t) => t.map((c) => inverse[c])) }).dataSync()[0],
        ]);
        expectClose([b], [a], { rtol: 1e-4, atol: 1e-6 });
      }),
      { numRuns: 40, seed: 21 },
    );
  });

  it('rotating and translating the points changes nothing (euclidean)', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0, max: 6.28, noNaN: true }), fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 4 }), ({ D, points }, a, shift) => {
        expectClose(measures(rigid(points, a, shift), D), measures(points, D), { rtol: 2e-3, atol: 1e-4 });
      }),
      { numRuns: 40, seed: 22 },
    );
  });

  it('scaling D by c: scale-free distortion and loss do not change; the plain loss at s·P equals the loss at P', () => {
    fc.assert(
      fc.property(problem, fc.double({ min: 0.01, max: 100, noNaN: true }), ({ D, points }, c) => {
        const Dc = D.map((row) => row.map((v) => v * c));
        const [, sf, loss] = measures(points, D);
        const [, sfc, lossc] = measures(points, Dc);
        expectClose([sfc, lossc], [sf, loss], { rtol: 1e-3, atol: 1e-6 });
        const plain = measures(points, D)[3];
        const plainScaled = measures(points.map((r) => r.map((v) => v * c)), Dc)[3];
        expectClose([plainScaled], [plain], { rtol: 1e-3, atol: 1e-6 });
      }),
      { numRuns: 40, seed: 23 },
    );
  });

  it('under the cosine metric, scaling each point by its own positive factor changes nothing', () => {
    fc.assert(
      fc.property(problem, fc.array(fc.double({ min: 0.1, max: 1000, noNaN: true }), { minLength: 1, maxLength: 16 }), ({ D, points }, factors) => {
        fc.pre(points[0].length > 1);
        const scaled = points.map((row, i) => row.map((v) => v * factors[i % factors.length]));
        expectClose(measures(scaled, D, 'cosine'), measures(points, D, 'cosine'), { rtol: 1e-3, atol: 1e-5 });
      }),
      { numRuns: 40, seed: 24 },
    );
  });

  it('the scale-free distortion is never above the plain distortion', () => {
    fc.assert(
      fc.property(problem, ({ D, points }) => {
        const [plain, free] = measures(points, D);
        expect(free).toBeLessThanOrEqual(plain * (1 + 1e-5) + 1e-6);
      }),
      { numRuns: 60, seed: 25 },
    );
  });
});
