import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { it } from 'vitest';
import { distortionLoss, rankLoss } from './index';
import { randomCostMatrix } from './testing/reference';

async function prof(name: string, f: () => tf.TensorContainer) {
  f();
  const info = await tf.profile(f);
  const by = new Map<string, number>();
  for (const k of info.kernels) by.set(k.name, (by.get(k.name) ?? 0) + (k.kernelTimeMs as number));
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  console.log(name, 'total', total.toFixed(1), [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, t]) => `${n}:${t.toFixed(1)}`).join(' '));
}
it('bench', async () => {
  console.log(await useTestBackend());
  const K = 500;
  const d = 128;
  const p = tf.randomNormal([K, d]) as tf.Tensor2D;
  const D = tf.tensor2d(randomCostMatrix(K, 1));
  await prof('matmul', () => tf.matMul(p, p, false, true));
  await prof('distortion', () => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D))(p));
  await prof('rank', () => tf.grad((x: tf.Tensor) => rankLoss(x as tf.Tensor2D, D, { numTriplets: 10000, seed: 1 }))(p));
}, 600000);
