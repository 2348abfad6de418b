import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { it } from 'vitest';
import { distortionLoss, rankLoss } from './index';
import { randomCostMatrix } from './testing/reference';
it('bench', async () => {
  console.log(await useTestBackend());
  const K = 1000;
  const p = tf.randomNormal([K, 128]) as tf.Tensor2D;
  const D = tf.tensor2d(randomCostMatrix(K, 1));
  for (const metric of ['euclidean', 'cosine', 'sqeuclidean'] as const) {
    const info = await tf.profile(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric }))(p));
    console.log(metric, 'peak K² copies (incl. D and inv)', (info.peakBytes / (4 * K * K)).toFixed(2), 'newBytes', info.newBytes);
  }
  const info = await tf.profile(() => tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { numTriplets: 600000, seed: 1 }))(p));
  console.log('rank matrix path peak K² copies', (info.peakBytes / (4 * K * K)).toFixed(2));
  tf.dispose([p, D]);
  const big = tf.randomNormal([100000, 64]) as tf.Tensor2D;
  const dist = (i: Int32Array, j: Int32Array) => Float32Array.from(i, (a, t) => (a === j[t] ? 0 : 1 + ((a ^ j[t]) % 7)));
  for (const f of [
    () => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, dist, { pairs: 8192, seed: 3 }))(big),
    () => tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, dist, { numTriplets: 8192, seed: 3 }))(big),
  ]) {
    f().dispose();
    const t0 = performance.now();
    const prof = await tf.profile(() => f());
    console.log('K=100000 d=64 8192 draws: ms', (performance.now() - t0).toFixed(0), 'peak MB', (prof.peakBytes / 1e6).toFixed(1));
  }
  big.dispose();
}, 600000);
