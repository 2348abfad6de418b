import * as tf from '@tensorflow/tfjs-core';
import { MgpInputError, rankLoss, separationLoss } from '@mgp/metrics';
import { loadHierarchyData, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInputError } from '../test-support';
import { embedOnSphere } from './embed-on-sphere';

beforeAll(async () => {
  await useTestBackend();
});

const visual = loadHierarchyData('mnist-digits').distance_visual_leaves as number[][];

function rowNorms(p: number[][]): number[] {
  return p.map((r) => Math.hypot(...r));
}

describe('embedOnSphere', () => {
  it('without D, spreads K = 6 prototypes in 3-D towards the octahedron (largest cosine → 0)', () => {
    const p = tf.tidy(() => embedOnSphere(null, 3, { numClasses: 6, seed: 1 }).arraySync());
    for (const n of rowNorms(p)) expect(n).toBeCloseTo(1, 5);
    const separation = tf.tidy(() => separationLoss(tf.tensor2d(p)).dataSync()[0]);
    // A random start has a largest cosine of ~0.7 on average; the octahedron 0.
    expect(separation).toBeLessThan(0.1);
  });

  it('with D, the rank prior orders the prototypes by D (the seed weighting: a gentle prior)', () => {
    const [guided, free] = tf.tidy(() => [
      embedOnSphere(visual, 4, { seed: 2 }).arraySync(),
      embedOnSphere(null, 4, { numClasses: 10, seed: 2 }).arraySync(),
    ]);
    for (const n of rowNorms(guided)) expect(n).toBeCloseTo(1, 5);
    // Rank loss on a fixed, large set of triplets: lower with the prior than without.
    const rank = (p: number[][]) => tf.tidy(() => rankLoss(tf.tensor2d(p), visual, { numTriplets: 5000, seed: 99 }, { metric: 'cosine' }).dataSync()[0]);
    expect(rank(guided)).toBeLessThan(rank(free));
    // The classes furthest apart in D (other subtrees, D = 6) end up the furthest apart on the sphere.
    const meanCos = (p: number[][], keep: (cost: number) => boolean) => {
      const values: number[] = [];
      visual.forEach((row, i) => row.forEach((v, j) => i < j && keep(v) && values.push(p[i].reduce((a, x, c) => a + x * p[j][c], 0))));
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(meanCos(guided, (v) => v === 6)).toBeLessThan(meanCos(guided, (v) => v < 6));
  });

  it('is reproducible from a seed and leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    const a = embedOnSphere(visual, 3, { seed: 7, steps: 40, restarts: 2 });
    const b = embedOnSphere(visual, 3, { seed: 7, steps: 40, restarts: 2 });
    expect(b.arraySync()).toEqual(a.arraySync());
    tf.dispose([a, b]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['no D and no numClasses', () => embedOnSphere(null, 3), 'options.numClasses'],
    ['dim 1', () => embedOnSphere(visual, 1), 'dim'],
    ['D of two classes', () => embedOnSphere([[0, 1], [1, 0]], 3), 'D'],
    ['asymmetric D', () => embedOnSphere([[0, 1, 2], [1, 0, 1], [3, 1, 0]], 3), 'D'],
    ['negative rankWeight', () => embedOnSphere(visual, 3, { rankWeight: -1 }), 'options.rankWeight'],
  ])('%s → MgpInputError', (_, call, arg) => expectInputError(call, arg, MgpInputError));
});
