import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, expectNoTensorOfShape, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { MgpInputError } from '../validation';
import { distanceMatrix, numericGrad, randomMatrix, type Matrix } from '../testing/reference';
import { pairwiseDistances } from './pairwise';
import type { Metric } from './metric';

beforeAll(async () => {
  await useTestBackend();
});

const metrics: Metric[] = ['euclidean', 'sqeuclidean', 'cosine'];
const A = randomMatrix(5, 3, 1);
const B = randomMatrix(4, 3, 2);
const W = randomMatrix(5, 4, 3); // weights of a test loss Σ W ⊙ D
const WS = randomMatrix(5, 5, 4);

function weightedSum(d: Matrix, w: Matrix): number {
  return d.reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * w[i][j], 0), 0);
}

describe.each(metrics)('pairwiseDistances (%s)', (metric) => {
  it('matches a plain-JS reference, cross and self', () => {
    const [a, b] = [tf.tensor2d(A), tf.tensor2d(B)];
    expectClose(pairwiseDistances(a, b, { metric }).arraySync(), distanceMatrix(A, B, metric));
    expectClose(pairwiseDistances(a, { metric }).arraySync(), distanceMatrix(A, A, metric));
    expectClose(pairwiseDistances(a, null, { metric }).arraySync(), distanceMatrix(A, A, metric));
    tf.dispose([a, b]);
  });

  it('has the gradient of finite differences, through both arguments', () => {
    const [a, b, w] = [tf.tensor2d(A), tf.tensor2d(B), tf.tensor2d(W)];
    const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
      tf.sum(tf.mul(pairwiseDistances(x as tf.Tensor2D, y as tf.Tensor2D, { metric }), w)),
    )([a, b]);
    expectClose(ga.arraySync() as Matrix, numericGrad((m) => weightedSum(distanceMatrix(m, B, metric), W), A), { rtol: 1e-3, atol: 1e-4 });
    expectClose(gb.arraySync() as Matrix, numericGrad((m) => weightedSum(distanceMatrix(A, m, metric), W), B), { rtol: 1e-3, atol: 1e-4 });
    tf.dispose([a, b, w, ga, gb]);
  });

  it('self case: the gradient flows through both uses of the points', () => {
    const [a, w] = [tf.tensor2d(A), tf.tensor2d(WS)];
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(pairwiseDistances(x as tf.Tensor2D, { metric }), w)))(a);
    // The reference skips the diagonal: its distance is 0 whatever the points (its derivative is 0 too).
    const offDiagonal = WS.map((row, i) => row.map((v, j) => (i === j ? 0 : v)));
    expectClose(g.arraySync() as Matrix, numericGrad((m) => weightedSum(distanceMatrix(m, m, metric), offDiagonal), A), { rtol: 1e-3, atol: 1e-4 });
    tf.dispose([a, w, g]);
  });

  it('gives finite gradients where a row of a equals a row of b, and an exact zero self-diagonal', () => {
    const bRows = [A[2], B[1], A[0]];
    const [a, b] = [tf.tensor2d(A), tf.tensor2d(bRows)];
    const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
      tf.sum(pairwiseDistances(x as tf.Tensor2D, y as tf.Tensor2D, { metric })),
    )([a, b]);
    for (const v of [...ga.dataSync(), ...gb.dataSync()]) expect(Number.isFinite(v)).toBe(true);
    const gs = tf.grad((x: tf.Tensor) => tf.sum(pairwiseDistances(x as tf.Tensor2D, { metric })))(a);
    for (const v of gs.dataSync()) expect(Number.isFinite(v)).toBe(true);
    const self = pairwiseDistances(a, { metric }).arraySync();
    if (metric !== 'cosine') self.forEach((row, i) => expect(row[i]).toBe(0));
    tf.dispose([a, b, ga, gb, gs]);
  });

  it('is 0 with gradient 0 between identical points (euclidean subgradient)', () => {
    const a = tf.tensor2d([[1, 2, 3]]);
    const g = tf.grad((x: tf.Tensor) => tf.sum(pairwiseDistances(x as tf.Tensor2D, x as tf.Tensor2D, { metric })))(a);
    if (metric !== 'cosine') expectClose(pairwiseDistances(a, a, { metric }).dataSync(), [0]);
    expectClose(g.dataSync(), [0, 0, 0], { atol: 1e-4 });
    tf.dispose([a, g]);
  });

  it('never builds a [B, K, d] tensor, forward or backward', async () => {
    const a = tf.randomNormal([6, 5]) as tf.Tensor2D;
    const b = tf.randomNormal([7, 5]) as tf.Tensor2D;
    await expectNoTensorOfShape(
      () => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(pairwiseDistances(x as tf.Tensor2D, y as tf.Tensor2D, { metric })))([a, b]),
      [[6, 7, 5], [6, 6, 5], [7, 7, 5]],
    );
    await expectNoTensorOfShape(() => tf.grad((x: tf.Tensor) => tf.sum(pairwiseDistances(x as tf.Tensor2D, { metric })))(a), [[6, 6, 5]]);
    tf.dispose([a, b]);
  });

  it('leaves no tensors behind', async () => {
    const a = tf.tensor2d(A);
    const b = tf.tensor2d(B);
    await expectNoTensorLeak(() => pairwiseDistances(a, b, { metric }));
    await expectNoTensorLeak(() =>
      tf.dispose(tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(pairwiseDistances(x as tf.Tensor2D, y as tf.Tensor2D, { metric })))([a, b])),
    );
    await expectNoTensorLeak(() => {
      const [ga] = tf.grads((x: tf.Tensor) => tf.sum(pairwiseDistances(x as tf.Tensor2D, { metric })))([a]);
      ga.dispose();
    });
    tf.dispose([a, b]);
  });
});

describe('pairwiseDistances input checks', () => {
  it('names the argument, before any tensor work', () => {
    const a = tf.zeros([3, 2]) as tf.Tensor2D;
    const rank1 = tf.zeros([3]);
    const wide = tf.zeros([3, 4]) as tf.Tensor2D;
    const ints = tf.zeros([3, 2], 'int32') as tf.Tensor2D;
    const before = tf.memory().numTensors;
    expect(() => pairwiseDistances(rank1 as unknown as tf.Tensor2D)).toThrow(MgpInputError);
    expect(() => pairwiseDistances(rank1 as unknown as tf.Tensor2D)).toThrow(/argument 'a' must have rank 2/);
    expect(tf.memory().numTensors).toBe(before);
    const cases: Array<[() => unknown, RegExp]> = [
      [() => pairwiseDistances([[1]] as unknown as tf.Tensor2D), /argument 'a' must be a tf.Tensor/],
      [() => pairwiseDistances(a, wide), /argument 'b' must have size 2 on axis 1/],
      [() => pairwiseDistances(a, { metric: 'manhattan' as Metric }), /argument 'options.metric' must be one of/],
      [() => pairwiseDistances(ints), /argument 'a' must be float32/],
    ];
    for (const [call, message] of cases) {
      const n = tf.memory().numTensors;
      expect(call).toThrow(message);
      expect(tf.memory().numTensors).toBe(n);
    }
    tf.dispose([a, rank1, wide, ints]);
  });
});
