import * as tf from '@tensorflow/tfjs-core';
import { MgpInputError, distortion, scaleFreeDistortion } from '@mgp/metrics';
import { loadHierarchyData, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInputError } from '../test-support';
import { embedMetric } from './embed-metric';

beforeAll(async () => {
  await useTestBackend();
});

const visual = loadHierarchyData('mnist-digits').distance_visual_leaves as number[][];
const reached: Record<string, number[]> = { distortion: [], rank: [] };

// The seed's own embeddings of this tree in 2-D (1,000 SGD steps): scale-free distortion ≈ 0.17 with the
// distortion loss and ≈ 0.29 with the rank loss. Ours, from the same 1,000 steps, three seeds each:
const TARGET = { distortion: 0.17, rank: 0.29 } as const;
// A run lands in one of a few local minima (0.168 to 0.172 for the distortion loss, 0.26 to 0.29 for the rank loss,
// as the seed's procedure does here): each seed must be within rounding of the seed's figure, their mean at it.
const PER_SEED_SLACK = { distortion: 0.0025, rank: 0.005 } as const;
const MEAN_SLACK = { distortion: 0.0005, rank: 0 } as const;

describe.each(['distortion', 'rank'] as const)('embedMetric with the %s loss on the visual digit tree, 2-D', (loss) => {
  it.each([1, 2, 3])(`reaches the seed's scale-free distortion (seed %i)`, (seed) => {
    const value = tf.tidy(() => {
      const prototypes = embedMetric(visual, 2, { loss, seed, steps: 1000 });
      expect(prototypes.shape).toEqual([10, 2]);
      return scaleFreeDistortion(prototypes, visual).dataSync()[0];
    });
    reached[loss].push(value);
    expect(value).toBeLessThanOrEqual(TARGET[loss] + PER_SEED_SLACK[loss]);
  });

  it('on average over the three seeds, reaches at most the seed’s figure', () => {
    expect(reached[loss].length).toBe(3);
    const mean = reached[loss].reduce((a, b) => a + b, 0) / 3;
    console.log(`embedMetric ${loss}: scale-free distortion per seed ${reached[loss].map((v) => v.toFixed(4)).join(', ')}; mean ${mean.toFixed(4)}`);
    expect(mean).toBeLessThanOrEqual(TARGET[loss] + MEAN_SLACK[loss]);
  });
});

describe('embedMetric', () => {
  it.each([1, 2, 3, 4])('embeds very few classes (K = 2, 3) without diverging at the default rate (seed %i)', (seed) => {
    // Sides 2, 4, 4 make a triangle, so an exact planar embedding exists; at the seed's rate this blew up to NaN.
    const triangle = [[0, 2, 4], [2, 0, 4], [4, 4, 0]];
    for (const loss of ['distortion', 'rank'] as const) {
      const value = tf.tidy(() => scaleFreeDistortion(embedMetric(triangle, 2, { loss, seed }), triangle).dataSync()[0]);
      expect(value).toBeLessThan(loss === 'distortion' ? 0.01 : 0.5);
    }
    const pair = tf.tidy(() => embedMetric([[0, 3], [3, 0]], 1, { seed }).arraySync() as number[][]);
    expect(Math.abs(pair[0][0] - pair[1][0])).toBeCloseTo(3, 2);
  });

  it('with restarts, keeps the run of lowest scale-free distortion: ≤ 0.17 on the visual tree', () => {
    const value = tf.tidy(() => scaleFreeDistortion(embedMetric(visual, 2, { seed: 3, restarts: 3 }), visual).dataSync()[0]);
    console.log(`embedMetric distortion, 3 restarts (seed 3): ${value.toFixed(4)}`);
    expect(value).toBeLessThanOrEqual(0.17);
  });

  it('gives distances on the scale of D with the distortion loss, reproducibly from a seed', () => {
    const D = visual.map((row) => row.map((v) => v * 100));
    const [a, b, plain] = tf.tidy(() => {
      const p1 = embedMetric(D, 3, { seed: 5, steps: 300 });
      const p2 = embedMetric(D, 3, { seed: 5, steps: 300 });
      return [p1.arraySync(), p2.arraySync(), distortion(p1, D).dataSync()[0]];
    });
    expect(b).toEqual(a);
    // Unscaled distortion small: the distances are in D's unit (×100), not in the unit of a [0, 1) start.
    expect(plain).toBeLessThan(0.25);
  });

  it('embeds an exactly embeddable metric almost isometrically', () => {
    // Four corners of a 3×4 rectangle: D is Euclidean in 2-D.
    const pts = [[0, 0], [3, 0], [0, 4], [3, 4]];
    const D = pts.map((p) => pts.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
    const value = tf.tidy(() => scaleFreeDistortion(embedMetric(D, 2, { seed: 1, restarts: 3 }), D).dataSync()[0]);
    expect(value).toBeLessThan(0.02);
  });

  it('reports progress and keeps the run with the best fit among restarts', () => {
    const seen: number[] = [];
    const before = tf.memory().numTensors;
    const p = embedMetric(visual, 2, { seed: 2, steps: 50, restarts: 2, progressEvery: 10, onProgress: ({ step, loss }) => seen.push(step, loss) });
    expect(seen.filter((_, i) => i % 2 === 0)).toEqual([10, 20, 30, 40, 50, 10, 20, 30, 40, 50]);
    expect(seen.filter((_, i) => i % 2 === 1).every(Number.isFinite)).toBe(true);
    p.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['asymmetric D', () => embedMetric([[0, 1, 2], [1, 0, 1], [3, 1, 0]], 2), 'D'],
    ['zero off the diagonal (distortion divides by D)', () => embedMetric([[0, 0], [0, 0]], 2), 'D'],
    ['two classes for the rank loss', () => embedMetric([[0, 1], [1, 0]], 2, { loss: 'rank' }), 'D'],
    ['dim 0', () => embedMetric(visual, 0), 'dim'],
    ['fractional steps', () => embedMetric(visual, 2, { steps: 2.5 }), 'options.steps'],
    ['learningRate ≤ 0', () => embedMetric(visual, 2, { learningRate: 0 }), 'options.learningRate'],
    ['unknown loss', () => embedMetric(visual, 2, { loss: 'hinge' as 'rank' }), 'options.loss'],
    ['restarts 0', () => embedMetric(visual, 2, { restarts: 0 }), 'options.restarts'],
  ])('%s → MgpInputError', (_, call, arg) => expectInputError(call, arg, MgpInputError));
});
