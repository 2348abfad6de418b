// Properties of the distortion family that can fail: scale invariance, zero on isometries, finite
// gradients on coincident points, O(K²) memory, no leaks.
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { expectClose, expectNoTensorLeak, expectNoTensorOfShape, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { distanceMatrix, randomCostMatrix, randomMatrix, type Matrix } from '../testing/reference';
import { distortion, distortionLoss, optimalScale, scaleFreeDistortion } from '../index';

beforeAll(async () => {
  await useTestBackend();
});

const scalar = (t: tf.Tensor): number => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

/** Points and a tree-like D of matching size, from fast-check's seeds. */
const pointsAndCost = fc.record({ k: fc.integer({ min: 3, max: 9 }), d: fc.integer({ min: 1, max: 5 }), seed: fc.integer() });

describe('scale invariance', () => {
  it('scale-free distortion and loss do not change when the points are scaled; s* scales as 1/c', () => {
    fc.assert(
      fc.property(pointsAndCost, fc.double({ min: 0.05, max: 20, noNaN: true }), ({ k, d, seed }, c) => {
        const P = randomMatrix(k, d, seed);
        const D = randomCostMatrix(k, seed + 1);
        const [p, scaled] = [tf.tensor2d(P), tf.tensor2d(P.map((row) => row.map((v) => v * c)))];
        expectClose(scalar(scaleFreeDistortion(scaled, D)), scalar(scaleFreeDistortion(p, D)), { rtol: 1e-4, atol: 1e-5 });
        expectClose(scalar(distortionLoss(scaled, D)), scalar(distortionLoss(p, D)), { rtol: 1e-3, atol: 1e-5 });
        expectClose(optimalScale(scaled, D) * c, optimalScale(p, D), { rtol: 1e-4 });
        tf.dispose([p, scaled]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('isometric embeddings', () => {
  it('have distortion 0 (and scale-free distortion and loss 0 when scaled)', () => {
    fc.assert(
      fc.property(pointsAndCost, fc.double({ min: 0.1, max: 10, noNaN: true }), ({ k, d, seed }, c) => {
        const X = randomMatrix(k, d, seed, 3);
        const D = distanceMatrix(X, X, 'euclidean');
        fc.pre(D.every((row, i) => row.every((v, j) => i === j || v > 0.1)));
        const p = tf.tensor2d(X);
        const scaled = tf.tensor2d(X.map((row) => row.map((v) => v * c)));
        // 0 up to float32 rounding of ‖x‖² + ‖y‖² − 2x·y (relative 1e-4 on the closest pairs).
        expect(scalar(distortion(p, D))).toBeLessThan(1e-4);
        expect(scalar(distortionLoss(p, D, { scaleFree: false }))).toBeLessThan(1e-7);
        expect(scalar(scaleFreeDistortion(scaled, D))).toBeLessThan(1e-4);
        expect(scalar(distortionLoss(scaled, D))).toBeLessThan(1e-7);
        expect(scalar(distortion(scaled, D))).toBeGreaterThan(0.5 * Math.abs(c - 1) - 1e-5);
        tf.dispose([p, scaled]);
      }),
      { numRuns: 25 },
    );
  });

  it('distortion matches a plain-JS reference of the seed formula', () => {
    const P = randomMatrix(7, 3, 11);
    const D = randomCostMatrix(7, 12);
    const ref = (m: Matrix, metric: 'euclidean' | 'cosine') => {
      const d = distanceMatrix(m, m, metric);
      let s = 0;
      for (let i = 0; i < 7; i++) for (let j = 0; j < 7; j++) if (i !== j) s += Math.abs(d[i][j] - D[i][j]) / D[i][j];
      return s / 42;
    };
    const p = tf.tensor2d(P);
    expectClose(scalar(distortion(p, D)), ref(P, 'euclidean'));
    expectClose(scalar(distortion(p, D, { metric: 'cosine' })), ref(P, 'cosine'));
    p.dispose();
  });
});

describe('gradients and memory', () => {
  const K = 7;
  const d = 5;
  const D = randomCostMatrix(K, 3);

  it('are finite when prototypes coincide', () => {
    const P = randomMatrix(K, d, 4);
    P[3] = P[1].slice();
    P[5] = P[1].slice();
    const p = tf.tensor2d(P);
    for (const metric of ['euclidean', 'sqeuclidean', 'cosine'] as const) {
      for (const scaleFree of [true, false]) {
        const g = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric, scaleFree }))(p);
        for (const v of g.dataSync()) expect(Number.isFinite(v)).toBe(true);
        g.dispose();
        const gs = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric, scaleFree, pairs: 200, seed: 1 }))(p);
        for (const v of gs.dataSync()) expect(Number.isFinite(v)).toBe(true);
        gs.dispose();
      }
    }
    const all = tf.zeros([K, d]) as tf.Tensor2D;
    const g0 = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D))(all);
    for (const v of g0.dataSync()) expect(Number.isFinite(v)).toBe(true);
    expect(Number.isFinite(scalar(scaleFreeDistortion(all, D)))).toBe(true);
    tf.dispose([p, all, g0]);
  });

  it('match finite differences for the exact and scale-free loss (s not detached)', () => {
    const P = randomMatrix(K, 3, 9);
    const loss = (m: Matrix, metric: 'euclidean' | 'cosine') => {
      const dm = distanceMatrix(m, m, metric);
      let A = 0;
      let Q = 0;
      for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) if (i !== j) { A += dm[i][j] / D[i][j]; Q += (dm[i][j] / D[i][j]) ** 2; }
      const s = A / Q;
      let L = 0;
      for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) if (i !== j) L += ((s * dm[i][j] - D[i][j]) / D[i][j]) ** 2;
      return L / (K * K - K);
    };
    const p = tf.tensor2d(P);
    for (const metric of ['euclidean', 'cosine'] as const) {
      const g = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric }))(p);
      const h = 1e-6;
      const numeric = P.map((row, i) => row.map((_, j) => {
        const up = P.map((r) => r.slice());
        const down = P.map((r) => r.slice());
        up[i][j] += h;
        down[i][j] -= h;
        return (loss(up, metric) - loss(down, metric)) / (2 * h);
      }));
      expectClose(g.arraySync() as number[][], numeric, { rtol: 1e-3, atol: 1e-5 });
      g.dispose();
    }
    p.dispose();
  });

  it('never build a [K, K, d] tensor, forward or backward', async () => {
    const p = tf.randomNormal([K, d]) as tf.Tensor2D;
    for (const metric of ['euclidean', 'cosine'] as const) {
      await expectNoTensorOfShape(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric }))(p), [[K, K, d]]);
      await expectNoTensorOfShape(() => distortion(p, D, { metric }), [[K, K, d]]);
    }
    p.dispose();
  });

  it('leave no tensors behind', async () => {
    const p = tf.tensor2d(randomMatrix(K, d, 5));
    const Dt = tf.tensor2d(D);
    await expectNoTensorLeak(() => distortion(p, Dt));
    await expectNoTensorLeak(() => scaleFreeDistortion(p, D));
    await expectNoTensorLeak(() => optimalScale(p, Dt));
    await expectNoTensorLeak(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, Dt))(p));
    await expectNoTensorLeak(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { pairs: 50, seed: 3 }))(p));
    const v = tf.variable(p);
    const opt = tf.train.sgd(0.01);
    await expectNoTensorLeak(() => opt.minimize(() => distortionLoss(v as unknown as tf.Tensor2D, Dt)));
    tf.dispose([p, Dt, v]);
    opt.dispose();
  });
});
