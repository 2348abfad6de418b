// Losses on drawn pairs and triplets with D as a function of class pairs: statistical tests that the
// estimates are unbiased for the exact losses (they fail if the sampling or the weighting is off).
import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCostMatrix, randomMatrix } from '../testing/reference';
import { createRng, distortionLoss, MgpInputError, rankLoss, type ClassDistance } from '../index';

beforeAll(async () => {
  await useTestBackend();
});

const K = 6;
const P = randomMatrix(K, 3, 21);
const Dm = randomCostMatrix(K, 22);
const calls: number[] = [];
const Dfn: ClassDistance = (i, j) => {
  calls.push(i.length);
  return Float32Array.from(i, (a, t) => Dm[a][j[t]]);
};

const scalar = (t: tf.Tensor): number => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

/** Mean and standard error of `draws` estimates. */
function summary(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}

function allTriplets(k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) if (i !== j && j !== l && i !== l) out.push([i, j, l]);
  return out;
}

describe('sampled losses are unbiased estimates of the exact ones', () => {
  const draws = 600;

  it('distortionLoss({pairs}) (plain): mean of the estimates within 4 standard errors of the exact loss', () => {
    const p = tf.tensor2d(P);
    const exact = scalar(distortionLoss(p, Dm, { scaleFree: false }));
    const rng = createRng(7);
    const estimates = Array.from({ length: draws }, () => scalar(distortionLoss(p, Dfn, { scaleFree: false, pairs: 5, seed: rng })));
    const { mean, se } = summary(estimates);
    expect(se).toBeGreaterThan(0.01 * exact); // 5 pairs of 30: the estimates really vary
    expect(Math.abs(mean - exact)).toBeLessThan(4 * se);
    p.dispose();
  });

  it('distortionLoss({pairs}) (plain): the mean sampled gradient is the exact gradient', () => {
    const p = tf.tensor2d(P);
    const exact = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, Dm, { scaleFree: false }))(p);
    const rng = createRng(8);
    const grads = Array.from({ length: draws }, () => {
      const g = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, Dfn, { scaleFree: false, pairs: 5, seed: rng }))(p);
      const v = Array.from(g.dataSync());
      g.dispose();
      return v;
    });
    const target = exact.dataSync();
    for (let e = 0; e < target.length; e++) {
      const { mean, se } = summary(grads.map((g) => g[e]));
      expect(Math.abs(mean - target[e])).toBeLessThan(4.5 * se + 1e-6);
    }
    tf.dispose([p, exact]);
  });

  it('rankLoss({numTriplets}): mean of the estimates within 4 standard errors of the loss over all triplets', () => {
    const p = tf.tensor2d(P);
    const exact = scalar(rankLoss(p, Dm, { triplets: allTriplets(K) }));
    const rng = createRng(9);
    const estimates = Array.from({ length: draws }, () => scalar(rankLoss(p, Dfn, { numTriplets: 4, seed: rng })));
    const { mean, se } = summary(estimates);
    expect(se).toBeGreaterThan(0.001 * exact);
    expect(Math.abs(mean - exact)).toBeLessThan(4 * se);
    p.dispose();
  });

  it('distortionLoss({pairs}) (scale-free): a ratio estimate, close to the exact loss with many pairs', () => {
    const p = tf.tensor2d(P);
    const exact = scalar(distortionLoss(p, Dm));
    const rng = createRng(10);
    const estimates = Array.from({ length: 200 }, () => scalar(distortionLoss(p, Dfn, { pairs: 300, seed: rng })));
    const { mean, se } = summary(estimates);
    // Bias O(1/N): with N = 300 it is below the noise here (measured: 0.1% of the loss, 4·se ≈ 1.4%).
    expect(Math.abs(mean - exact)).toBeLessThan(4 * se + 0.01 * exact);
    p.dispose();
  });
});

describe('drawing pairs and triplets', () => {
  it('asks D only for the drawn pairs, never the K×K matrix', () => {
    calls.length = 0;
    const p = tf.tensor2d(P);
    scalar(distortionLoss(p, Dfn, { pairs: 7, seed: 1 }));
    scalar(rankLoss(p, Dfn, { numTriplets: 5, seed: 1 }));
    expect(calls).toEqual([7, 5, 5]);
    p.dispose();
  });

  it('is reproducible from a seed, fresh from a generator', () => {
    const p = tf.tensor2d(P);
    const a = scalar(rankLoss(p, Dm, { numTriplets: 3, seed: 42 }));
    expect(scalar(rankLoss(p, Dm, { numTriplets: 3, seed: 42 }))).toBe(a);
    const rng = createRng(42);
    const first = scalar(rankLoss(p, Dm, { numTriplets: 3, seed: rng }));
    expect(first).toBe(a);
    const next = Array.from({ length: 5 }, () => scalar(rankLoss(p, Dm, { numTriplets: 3, seed: rng })));
    expect(new Set(next).size).toBeGreaterThan(1);
    expect(scalar(distortionLoss(p, Dm, { pairs: 4, seed: 5 }))).toBe(scalar(distortionLoss(p, Dm, { pairs: 4, seed: 5 })));
    p.dispose();
  });

  it('checks what D returns for the drawn pairs', () => {
    const p = tf.tensor2d(P);
    const before = tf.memory().numTensors;
    expect(() => distortionLoss(p, () => new Float32Array(2), { pairs: 3, seed: 1 })).toThrow(/argument 'D' \(a function of class pairs\) must return 3 costs/);
    expect(() => distortionLoss(p, (i) => new Float32Array(i.length), { pairs: 3, seed: 1 })).toThrow(/must return costs > 0 between distinct classes/);
    expect(() => rankLoss(p, (i) => new Float32Array(i.length).fill(Number.NaN), { numTriplets: 3, seed: 1 })).toThrow(MgpInputError);
    expect(() => rankLoss(p, (i) => new Float32Array(i.length).fill(-1), { numTriplets: 3, seed: 1 })).toThrow(/non-negative/);
    expect(tf.memory().numTensors).toBe(before);
    p.dispose();
  });
});
