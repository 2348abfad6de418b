// The seed's rank loss on the golden triplets, both ways of measuring them (gathered rows, K×K matrix).
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, goldenCases, maxRelativeError, useTestBackend } from '@mgp/test-utils';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { rankLoss } from '../index';
import { logisticRankLoss, tripletGaps } from './rank-loss';
import { readTriplets } from './triplets';

const errors: Record<string, number> = {};
function check(key: string, actual: number | number[][], expected: number | number[][]): void {
  errors[key] = Math.max(errors[key] ?? 0, maxRelativeError(actual, expected));
  expectClose(actual, expected);
}

beforeAll(async () => {
  await useTestBackend();
});
afterAll(() => console.log('rank golden max relative errors', errors));

describe.each(goldenCases)('%s', (_, g) => {
  const D = g.tree.distance_path;
  const triplets = g.inputs.triplets;

  it('rank_loss.euclidean / .cosine / .grad_euclidean through the public API', () => {
    const p = tf.tensor2d(g.inputs.prototypes);
    check('rank_loss.euclidean', rankLoss(p, D, { triplets }).dataSync()[0], g.rank_loss.euclidean);
    check('rank_loss.cosine', rankLoss(p, tf.tensor2d(D), { triplets }, { metric: 'cosine' }).dataSync()[0], g.rank_loss.cosine);
    const grad = tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { triplets }))(p);
    check('rank_loss.grad_euclidean', grad.arraySync() as number[][], g.rank_loss.grad_euclidean);
    tf.dispose([p, grad]);
  });

  it.each(['rows', 'matrix'] as const)('gives the same loss and gradient from %s', (strategy) => {
    const p = tf.tensor2d(g.inputs.prototypes);
    const t = readTriplets('test', 'triplets', triplets, D.length);
    const signs = Float32Array.from(triplets, ([i, j, k]) => (D[i][j] > D[i][k] ? -1 : 1));
    const loss = (x: tf.Tensor) => logisticRankLoss(tripletGaps(x as tf.Tensor2D, t, 'euclidean', strategy), signs);
    check(`rank_loss.euclidean (${strategy})`, loss(p).dataSync()[0], g.rank_loss.euclidean);
    const grad = tf.grad(loss)(p);
    check(`rank_loss.grad_euclidean (${strategy})`, grad.arraySync() as number[][], g.rank_loss.grad_euclidean);
    const cos = logisticRankLoss(tripletGaps(p, t, 'cosine', strategy), signs);
    check(`rank_loss.cosine (${strategy})`, cos.dataSync()[0], g.rank_loss.cosine);
    tf.dispose([p, grad]);
  });
});
