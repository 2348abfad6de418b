// Cost metrics and losses on class scores: plain-JS references, properties, rank-4 logits, meters.
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { expectClose, expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomCostMatrix, randomMatrix } from '../testing/reference';
import {
  averageCost,
  AverageCostMeter,
  bayesDecision,
  emdLoss,
  errorRate,
  ErrorRateMeter,
  hierarchicalDistanceAtK,
  HierarchicalDistanceMeter,
  hypersphericalLoss,
  mistakeSeverity,
  MistakeSeverityMeter,
  separationLoss,
  softLabelCrossEntropy,
  softLabels,
} from '../index';

beforeAll(async () => {
  await useTestBackend();
});

const scalar = (t: tf.Tensor): number => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};
const argmax = (row: number[]) => row.indexOf(Math.max(...row));
const softmax = (row: number[]) => {
  const m = Math.max(...row);
  const e = row.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

const K = 6;
const N = 24;
const D = randomCostMatrix(K, 1);
const L = randomMatrix(N, K, 2, 3);
const Y = Array.from({ length: N }, (_, n) => (n * 5 + 1) % K);

describe('cost metrics against plain-JS references', () => {
  it('averageCost, mistakeSeverity, errorRate with and without ignoreIndex', () => {
    const x = tf.tensor2d(L);
    for (const ignoreIndex of [undefined, 1, 3]) {
      const rows = Y.map((y, n) => ({ y, p: argmax(L[n]) })).filter(({ y }) => y !== ignoreIndex);
      const costs = rows.map(({ y, p }) => D[y][p]);
      const mistakes = rows.filter(({ y, p }) => y !== p);
      expectClose(scalar(averageCost(x, Y, D, { ignoreIndex })), costs.reduce((a, b) => a + b, 0) / rows.length);
      expectClose(scalar(mistakeSeverity(x, Y, D, { ignoreIndex })), mistakes.reduce((a, { y, p }) => a + D[y][p], 0) / mistakes.length);
      expectClose(scalar(errorRate(x, Y, { ignoreIndex })), mistakes.length / rows.length);
    }
    x.dispose();
  });

  it('hierarchicalDistanceAtK, bayesDecision, emdLoss, softLabelCrossEntropy (weights, focal, ignore)', () => {
    const x = tf.tensor2d(L);
    for (const k of [1, 2, 4]) {
      const top = L.map((row) => row.map((v, c) => [v, c]).sort((a, b) => b[0] - a[0]).slice(0, k).map(([, c]) => c));
      const avg = top.map((cs, n) => cs.reduce((a, c) => a + D[Y[n]][c], 0) / k);
      const min = top.map((cs, n) => Math.min(...cs.map((c) => D[Y[n]][c])));
      expectClose(scalar(hierarchicalDistanceAtK(x, Y, D, k)), avg.reduce((a, b) => a + b, 0) / N);
      expectClose(scalar(hierarchicalDistanceAtK(x, Y, D, k, { mode: 'top' })), min.reduce((a, b) => a + b, 0) / N);
    }
    const risk = L.map((row) => {
      const p = softmax(row);
      return D[0].map((_, c) => p.reduce((a, pj, j) => a + pj * D[j][c], 0));
    });
    const decision = bayesDecision(x, D);
    expect(Array.from(decision.dataSync())).toEqual(risk.map((r) => r.indexOf(Math.min(...r))));
    decision.dispose();

    const emd = L.map((row, n) => softmax(row).reduce((a, p, c) => a + p * p * (D[Y[n]][c] - 0.5), 0));
    expectClose(scalar(emdLoss(x, Y, D, { lambda: 2, mu: 0.5 })), (2 * emd.reduce((a, b) => a + b, 0)) / N);

    const beta = 2;
    const weights = [1, 2, 0.5, 1, 3, 1];
    const max = Math.max(...D.flat());
    for (const focalGamma of [undefined, 2]) {
      let num = 0;
      let den = 0;
      L.forEach((row, n) => {
        if (Y[n] === 4) return; // ignoreIndex
        const t = softmax(D[Y[n]].map((v) => (-beta * v) / max));
        const p = softmax(row);
        const kl = t.reduce((a, tc, c) => a + tc * (Math.log(tc) - Math.log(p[c]) * (focalGamma ? (1 - p[c]) ** focalGamma : 1)), 0);
        num += weights[Y[n]] * kl;
        den += weights[Y[n]];
      });
      expectClose(scalar(softLabelCrossEntropy(x, Y, D, { beta, classWeights: weights, ignoreIndex: 4, focalGamma })), num / den);
    }
    x.dispose();
  });

  it('hypersphericalLoss is (1 − cos)² to the class prototype, summed, meaned or per row', () => {
    const cos = randomMatrix(N, K, 5); // cosines in [-1, 1]
    const scores = tf.tensor2d(cos.map((row) => row.map((c) => -((1 - c) ** 2))));
    const per = Y.map((y, n) => (1 - cos[n][y]) ** 2);
    expectClose(scalar(hypersphericalLoss(scores, Y)), per.reduce((a, b) => a + b, 0));
    expectClose(scalar(hypersphericalLoss(scores, Y, { reduction: 'mean' })), per.reduce((a, b) => a + b, 0) / N);
    const none = hypersphericalLoss(scores, Y, { reduction: 'none', ignoreIndex: 1 });
    expectClose(none.dataSync(), per.map((v, n) => (Y[n] === 1 ? 0 : v)));
    const g = tf.grad((s: tf.Tensor) => hypersphericalLoss(s, Y) as tf.Scalar)(scores);
    expectClose(g.arraySync() as number[][], cos.map((row, n) => row.map((_, c) => (c === Y[n] ? -1 : 0))));
    tf.dispose([scores, none, g]);
  });
});

describe('properties', () => {
  it('average cost and mistake count are 0 for perfect predictions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.integer(), (k, raw, seed) => {
        const labels = raw.map((v) => v % k);
        const noise = randomMatrix(labels.length, k, seed);
        const logits = tf.tensor2d(noise.map((row, n) => row.map((v, c) => (c === labels[n] ? 5 + v : v))));
        const Dk = randomCostMatrix(k, seed);
        expect(scalar(averageCost(logits, labels, Dk))).toBe(0);
        expect(scalar(errorRate(logits, labels))).toBe(0);
        expect(scalar(hierarchicalDistanceAtK(logits, labels, Dk, 1))).toBe(0);
        expect(scalar(hierarchicalDistanceAtK(logits, labels, Dk, k, { mode: 'top' }))).toBe(0);
        expect(scalar(mistakeSeverity(logits, labels, Dk))).toBeNaN();
        logits.dispose();
      }),
      { numRuns: 30 },
    );
  });

  it('average cost = error rate × mistake severity', () => {
    const x = tf.tensor2d(L);
    expectClose(scalar(averageCost(x, Y, D)), scalar(errorRate(x, Y)) * scalar(mistakeSeverity(x, Y, D)));
    x.dispose();
  });
});

describe('rank-4 logits [B, H, W, K] (channels-last) give what their flattened rows give', () => {
  const shape = [2, 3, 4, K];
  const flat = randomMatrix(24, K, 9);
  const y4 = Array.from({ length: 24 }, (_, n) => (n * 7) % K);

  it.each([
    ['averageCost', (x: tf.Tensor, y: tf.Tensor | number[]) => averageCost(x, y, D, { ignoreIndex: 2 })],
    ['mistakeSeverity', (x: tf.Tensor, y: tf.Tensor | number[]) => mistakeSeverity(x, y, D)],
    ['errorRate', (x: tf.Tensor, y: tf.Tensor | number[]) => errorRate(x, y)],
    ['hierarchicalDistanceAtK', (x: tf.Tensor, y: tf.Tensor | number[]) => hierarchicalDistanceAtK(x, y, D, 2)],
    ['emdLoss', (x: tf.Tensor, y: tf.Tensor | number[]) => emdLoss(x, y, D, { lambda: 0.7, mu: 1.5 })],
    ['softLabelCrossEntropy', (x: tf.Tensor, y: tf.Tensor | number[]) => softLabelCrossEntropy(x, y, D, { beta: 3, ignoreIndex: 0 })],
    ['hypersphericalLoss', (x: tf.Tensor, y: tf.Tensor | number[]) => hypersphericalLoss(x, y)],
  ] as const)('%s', (_, f) => {
    const x2 = tf.tensor2d(flat);
    const x4 = tf.reshape(x2, shape);
    const y = tf.tensor3d(y4, [2, 3, 4], 'int32');
    expectClose(scalar(f(x4, y)), scalar(f(x2, y4)));
    expectClose(scalar(f(x4, y4)), scalar(f(x2, y4)));
    tf.dispose([x2, x4, y]);
  });

  it('bayesDecision keeps the spatial shape; softLabels follows the labels shape', () => {
    const x4 = tf.tensor4d(flat.flat(), [2, 3, 4, K]);
    const decision = bayesDecision(x4, D);
    expect(decision.shape).toEqual([2, 3, 4]);
    const y = tf.tensor3d(y4, [2, 3, 4], 'int32');
    const targets = softLabels(D, y, { beta: 2 });
    expect(targets.shape).toEqual([2, 3, 4, K]);
    expectClose(tf.sum(targets, -1).dataSync(), new Array(24).fill(1));
    const [m2, m4] = [new AverageCostMeter(D), new AverageCostMeter(D)];
    const x2 = tf.tensor2d(flat);
    m2.update(x2, y4);
    m4.update(x4, y);
    expectClose(m4.result(), m2.result());
    tf.dispose([x4, x2, decision, y, targets]);
  });
});

describe('gradients and leaks', () => {
  it('the losses on logits have finite gradients and leave no tensors', async () => {
    const x = tf.tensor2d(L);
    const losses = [
      (z: tf.Tensor) => emdLoss(z, Y, D),
      (z: tf.Tensor) => softLabelCrossEntropy(z, Y, D, { focalGamma: 1, ignoreIndex: 0 }),
      (z: tf.Tensor) => hypersphericalLoss(z, Y, { reduction: 'mean' }) as tf.Scalar,
      (z: tf.Tensor) => separationLoss(z as tf.Tensor2D),
    ];
    for (const loss of losses) {
      const g = tf.grad(loss)(x);
      for (const v of g.dataSync()) expect(Number.isFinite(v)).toBe(true);
      g.dispose();
      await expectNoTensorLeak(() => tf.grad(loss)(x));
    }
    await expectNoTensorLeak(() => averageCost(x, Y, D));
    await expectNoTensorLeak(() => hierarchicalDistanceAtK(x, Y, D, 3, { mode: 'top' }));
    await expectNoTensorLeak(() => bayesDecision(x, D));
    await expectNoTensorLeak(() => softLabels(D, Y));
    x.dispose();
  });

  it('meters hold no tensors, match the functions, and a failed update changes nothing', async () => {
    const meters = [new ErrorRateMeter(), new AverageCostMeter(D), new MistakeSeverityMeter(D), new HierarchicalDistanceMeter(D, 2)];
    const x = tf.tensor2d(L);
    await expectNoTensorLeak(() => {
      for (const m of meters) m.reset();
      for (const m of meters) m.update(x, Y);
    });
    expectClose(meters[0].result(), scalar(errorRate(x, Y)));
    expectClose(meters[1].result(), scalar(averageCost(x, Y, D)));
    expectClose(meters[2].result(), scalar(mistakeSeverity(x, Y, D)));
    expectClose(meters[3].result(), scalar(hierarchicalDistanceAtK(x, Y, D, 2)));
    const before = meters.map((m) => m.result());
    const wide = tf.zeros([2, K + 1]);
    const n = tf.memory().numTensors;
    for (const m of meters) expect(() => m.update(x, Y.map((v) => v + K))).toThrow(/argument 'labels' must hold labels in \[0, 5\]/);
    expect(() => meters[1].update(wide, [0, 1])).toThrow(/AverageCostMeter.update: argument 'logits' must have size 6 on axis 1/);
    expect(tf.memory().numTensors).toBe(n);
    expect(meters.map((m) => m.result())).toEqual(before);
    expect(meters[1].count).toBe(N);
    tf.dispose([x, wide]);
  });
});
