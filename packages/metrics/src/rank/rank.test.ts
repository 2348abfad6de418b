// Rank loss and triplet sampling: plain-JS reference, uniform draws, ignoreIndex, gradients, memory.
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, expectNoTensorOfShape, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { distanceMatrix, randomCostMatrix, randomMatrix } from '../testing/reference';
import { createRng, rankLoss, sampleTriplets } from '../index';

beforeAll(async () => {
  await useTestBackend();
});

const K = 8;
const P = randomMatrix(K, 4, 31);
const D = randomCostMatrix(K, 32);

const scalar = (t: tf.Tensor): number => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

function referenceRankLoss(triplets: number[][], metric: 'euclidean' | 'cosine'): number {
  const d = distanceMatrix(P, P, metric);
  const terms = triplets.map(([i, j, k]) => {
    const s = D[i][j] > D[i][k] ? 1 : 0;
    const delta = d[i][j] - d[i][k];
    return -(s * Math.log(1 / (1 + Math.exp(-delta))) + (1 - s) * Math.log(1 / (1 + Math.exp(delta))));
  });
  return terms.reduce((a, b) => a + b, 0) / terms.length;
}

describe('rankLoss', () => {
  it('matches a plain-JS reference of the seed on drawn triplets', () => {
    const p = tf.tensor2d(P);
    for (const metric of ['euclidean', 'cosine'] as const) {
      const t = sampleTriplets(K, 50, 3);
      const triplets = Array.from(t.i, (i, n) => [i, t.j[n], t.k[n]]);
      expectClose(scalar(rankLoss(p, D, { numTriplets: 50, seed: 3 }, { metric })), referenceRankLoss(triplets, metric));
      expectClose(scalar(rankLoss(p, D, { triplets: t }, { metric })), referenceRankLoss(triplets, metric));
      expectClose(scalar(rankLoss(p, D, { triplets: tf.tensor2d(triplets, undefined, 'int32') }, { metric })), referenceRankLoss(triplets, metric));
    }
    p.dispose();
  });

  it('drops given triplets with ignoreIndex and never draws it', () => {
    const p = tf.tensor2d(P);
    const triplets = [[0, 1, 2], [3, 4, 5], [1, 3, 6]];
    expectClose(scalar(rankLoss(p, D, { triplets }, { ignoreIndex: 1 })), referenceRankLoss([[3, 4, 5]], 'euclidean'));
    const drawn = sampleTriplets(K, 2000, 5, { ignoreIndex: 2 });
    for (const a of [drawn.i, drawn.j, drawn.k]) expect(a.includes(2)).toBe(false);
    expect(() => rankLoss(p, D, { triplets: [[0, 1, 2]] }, { ignoreIndex: 1 })).toThrow(/argument 'triplets' must hold a triplet without class 1/);
    p.dispose();
  });

  it('has finite gradients when prototypes coincide, and is the reference gradient otherwise', () => {
    const Q = P.map((r) => r.slice());
    Q[2] = Q[0].slice();
    const q = tf.tensor2d(Q);
    for (const metric of ['euclidean', 'sqeuclidean', 'cosine'] as const) {
      for (const triplets of [[[0, 2, 1], [2, 0, 3]], Array.from({ length: 100 }, (_, n) => [n % 3 === 0 ? 0 : 2, n % 2 === 0 ? 2 : 0, 1 + (n % 5 === 0 ? 2 : 3)])]) {
        const g = tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { triplets }, { metric }))(q);
        for (const v of g.dataSync()) expect(Number.isFinite(v)).toBe(true);
        g.dispose();
      }
    }
    q.dispose();
  });

  it('builds no [K, K, d] tensor even with many triplets (K×K matrix path)', async () => {
    const p = tf.randomNormal([K, 5]) as tf.Tensor2D;
    await expectNoTensorOfShape(() => tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { numTriplets: 500, seed: 1 }))(p), [[K, K, 5]]);
    await expectNoTensorOfShape(() => tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { numTriplets: 5, seed: 1 }))(p), [[K, K, 5]]);
    p.dispose();
  });

  it('leaves no tensors behind, in training too', async () => {
    const p = tf.tensor2d(P);
    const rng = createRng(3);
    await expectNoTensorLeak(() => rankLoss(p, D, { numTriplets: 20, seed: rng }));
    await expectNoTensorLeak(() => tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { numTriplets: 500, seed: rng }))(p));
    const v = tf.variable(p);
    const opt = tf.train.adam(0.01);
    await expectNoTensorLeak(() => opt.minimize(() => rankLoss(v as unknown as tf.Tensor2D, D, { numTriplets: 20, seed: rng })));
    tf.dispose([p, v]);
    opt.dispose();
  });

  it('training on it orders the embedding as D (the loss falls)', () => {
    const v = tf.variable(tf.tensor2d(randomMatrix(K, 2, 77)));
    const opt = tf.train.adam(0.05);
    const rng = createRng(1);
    const loss = () => rankLoss(v as unknown as tf.Tensor2D, D, { numTriplets: 64, seed: rng });
    const all = { numTriplets: 4000, seed: 99 };
    const start = scalar(rankLoss(v as unknown as tf.Tensor2D, D, all));
    for (let step = 0; step < 150; step++) opt.minimize(loss, true)?.dispose();
    expect(scalar(rankLoss(v as unknown as tf.Tensor2D, D, all))).toBeLessThan(0.8 * start);
    v.dispose();
    opt.dispose();
  });
});

describe('sampleTriplets', () => {
  it('draws three distinct classes, every ordered triplet about equally often (chi-square)', () => {
    const k = 5;
    const n = 60000;
    const t = sampleTriplets(k, n, 123);
    const counts = new Map<string, number>();
    let repeated = 0;
    for (let s = 0; s < n; s++) {
      if (t.i[s] === t.j[s] || t.j[s] === t.k[s] || t.i[s] === t.k[s]) repeated++;
      const key = `${t.i[s]},${t.j[s]},${t.k[s]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(repeated).toBe(0);
    expect(counts.size).toBe(k * (k - 1) * (k - 2));
    const expected = n / counts.size;
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - expected) ** 2 / expected;
    // 59 degrees of freedom: the 99.9% quantile is about 99.6.
    expect(chi2).toBeLessThan(99.6);
  });

  it('is the same for the same seed and checks its arguments', () => {
    expect(sampleTriplets(10, 20, 4)).toEqual(sampleTriplets(10, 20, 4));
    expect(sampleTriplets(10, 20, 4)).not.toEqual(sampleTriplets(10, 20, 5));
    expect(() => sampleTriplets(2, 5, 1)).toThrow(/at least 3 classes/);
    expect(() => sampleTriplets(3, 5, 1, { ignoreIndex: 0 })).toThrow(/at least 3 classes/);
    expect(() => sampleTriplets(5, 1.5, 1)).toThrow(/must be an integer/);
  });
});
