import * as tf from '@tensorflow/tfjs-core';
import { MgpInputError, rankLoss, separationLoss } from '@mgp/metrics';
import { loadHierarchyData, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInputError } from '../test-support';
import { angularOrder, evenCircle } from './circle';
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

const angle = (a: number[], b: number[]) => (Math.acos(Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1]))) * 180) / Math.PI;
const smallestAngle = (points: number[][]) => Math.min(...points.flatMap((p, i) => points.slice(i + 1).map((q) => angle(p, q))));

/** Positions of the classes around the circle, 0 … K−1 counter-clockwise from the top. */
function circlePositions(points: number[][]): number[] {
  const k = points.length;
  return points.map((p) => Math.round(((((Math.atan2(p[1], p[0]) - Math.PI / 2) * k) / (2 * Math.PI)) % k + k) % k));
}

describe('embedOnSphere in 2-D (evenly spaced, ordered by D)', () => {
  it('gives unit vectors 36° apart with the digit tree’s sibling groups side by side, from any seed', () => {
    for (const seed of [1, 2, 3]) {
      const points = tf.tidy(() => embedOnSphere(visual, 2, { seed }).arraySync());
      for (const n of rowNorms(points)) expect(n).toBeCloseTo(1, 6);
      expect(smallestAngle(points)).toBeCloseTo(36, 4);
      const at = circlePositions(points);
      expect([...at].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      const apart = (a: number, b: number) => Math.min((at[a] - at[b] + 10) % 10, (at[b] - at[a] + 10) % 10);
      // {0, 6, 9}, {3, 8}, {1, 7}, {2, 5} are sibling groups of the seed's tree.
      expect(Math.max(apart(0, 6), apart(0, 9), apart(6, 9))).toBe(2);
      expect(apart(3, 8)).toBe(1);
      expect(apart(1, 7)).toBe(1);
      expect(apart(2, 5)).toBe(1);
    }
  });

  it('without D: evenly spaced, every prototype’s largest cosine to another is cos 36°', () => {
    const points = tf.tidy(() => embedOnSphere(null, 2, { numClasses: 10, seed: 1 }).arraySync());
    expect(smallestAngle(points)).toBeCloseTo(36, 4);
    // The evenly spaced circle's largest cosine is cos 36° for every prototype.
    const separation = tf.tidy(() => separationLoss(tf.tensor2d(points)).dataSync()[0]);
    expect(separation).toBeCloseTo(Math.cos(Math.PI / 5), 5);
  });

  it('orders by class index without D or with K ≤ 3, and embeds a D with zero costs by its ranks', () => {
    expect(tf.tidy(() => embedOnSphere(null, 2, { numClasses: 5, seed: 0 }).arraySync())).toEqual(evenCircle([0, 1, 2, 3, 4]).map((p) => p.map(Math.fround)));
    expect(tf.tidy(() => embedOnSphere([[0, 1, 2], [1, 0, 1], [2, 1, 0]], 2, { seed: 0 }).arraySync())).toEqual(evenCircle([0, 1, 2]).map((p) => p.map(Math.fround)));
    const withZeros = visual.map((row, i) => row.map((v, j) => (i !== j && Math.min(i, j) === 1 && Math.max(i, j) === 7 ? 0 : v)));
    const points = tf.tidy(() => embedOnSphere(withZeros, 2, { seed: 4, steps: 200 }).arraySync());
    expect(smallestAngle(points)).toBeCloseTo(36, 4);
  });

  it('is reproducible from a seed and leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    const a = embedOnSphere(visual, 2, { seed: 5, steps: 200 });
    const b = embedOnSphere(visual, 2, { seed: 5, steps: 200 });
    expect(b.arraySync()).toEqual(a.arraySync());
    tf.dispose([a, b]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('circle helpers: evenCircle puts order[i] at 90° + i·360°/K; angularOrder goes counter-clockwise from class 0', () => {
    const points = evenCircle([2, 0, 1, 3]);
    [[2, 90], [0, 180], [1, 270], [3, 0]].forEach(([c, degrees]) => {
      const rad = (degrees * Math.PI) / 180;
      expect(points[c][0]).toBeCloseTo(Math.cos(rad), 12);
      expect(points[c][1]).toBeCloseTo(Math.sin(rad), 12);
    });
    // Corners of a square around (5, 5), given in a scrambled order.
    expect(angularOrder([[6, 6], [4, 4], [4, 6], [6, 4]])).toEqual([0, 2, 1, 3]);
  });
});
