import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { emdLoss, softLabelCrossEntropy, hypersphericalLoss, averageCost, errorRate, rankLoss, samplePairs, sampleTriplets, createRng } from '@mgp/metrics';
import { hierarchicalCrossEntropy } from '@mgp/hierarchy';
import { valueAndGrads } from '../src/support/grad-check';
import { TREE, D } from '../src/support/models';
it('all ignored', async () => {
  await useTestBackend();
  const l = tf.tensor2d([[1, 2, 3, 0, 0, 0], [0, 1, 0, 0, 0, 0]]);
  const lab = [9, 9];
  for (const [n, f] of [
    ['emd', (x: tf.Tensor) => emdLoss(x, lab, D, { ignoreIndex: 9 })],
    ['softCE', (x: tf.Tensor) => softLabelCrossEntropy(x, lab, D, { ignoreIndex: 9 })],
    ['hyper mean', (x: tf.Tensor) => hypersphericalLoss(x, lab, { ignoreIndex: 9, reduction: 'mean' })],
    ['hyper sum', (x: tf.Tensor) => hypersphericalLoss(x, lab, { ignoreIndex: 9 })],
    ['hxe', (x: tf.Tensor) => hierarchicalCrossEntropy(x as tf.Tensor2D, lab, TREE, { ignoreIndex: 9 })],
    ['softCE zero weights', (x: tf.Tensor) => softLabelCrossEntropy(x, [0, 1], D, { classWeights: [0, 0, 1, 1, 1, 1] })],
    ['hyper zero weights mean', (x: tf.Tensor) => hypersphericalLoss(x, [0, 1], { classWeights: [0, 0, 1, 1, 1, 1], reduction: 'mean' })],
  ] as const) {
    try { console.log(n, JSON.stringify(valueAndGrads(f as any, [l]))); } catch (e) { console.log(n, 'ERR', (e as Error).message); }
  }
  for (const [n, f] of [
    ['samplePairs NaN', () => samplePairs(NaN, 3, 1)],
    ['samplePairs 2.5', () => samplePairs(2.5, 5, 1)],
    ['samplePairs Inf', () => samplePairs(Infinity, 3, 1)],
    ['samplePairs 1', () => samplePairs(1, 3, 1)],
    ['samplePairs seed str', () => samplePairs(5, 3, 'abc' as any)],
    ['samplePairs seed NaN', () => samplePairs(5, 3, NaN)],
    ['sampleTriplets -1', () => sampleTriplets(-1, 3, 1)],
    ['sampleTriplets 3.5', () => sampleTriplets(3.5, 3, 1)],
    ['sampleTriplets ignore 1.5', () => sampleTriplets(4, 3, 1, { ignoreIndex: 1.5 })],
    ['createRng str', () => createRng('abc' as any).next()],
    ['createRng NaN', () => createRng(NaN).next()],
  ] as const) {
    try { console.log(n, JSON.stringify((f as any)())); } catch (e) { console.log(n, 'ERR', (e as Error).name, (e as Error).message); }
  }
});
