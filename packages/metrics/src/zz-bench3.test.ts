import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { it } from 'vitest';
import { distortionLoss } from './index';
import { randomCostMatrix } from './testing/reference';
it('bench', async () => {
  console.log(await useTestBackend());
  const K = 1000;
  const p = tf.randomNormal([K, 128]) as tf.Tensor2D;
  const D = tf.tensor2d(randomCostMatrix(K, 1));
  console.log('start', (tf.memory().numBytes / (4 * K * K)).toFixed(2));
  const info = await tf.profile(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric: 'euclidean' }))(p));
  console.log('peak', (info.peakBytes / (4 * K * K)).toFixed(2));
  for (const k of info.kernels) console.log(k.name, k.outputShapes.join(';'), (k.totalBytesSnapshot / (4 * K * K)).toFixed(2));
}, 600000);
