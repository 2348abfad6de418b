import * as tf from '@tensorflow/tfjs-core';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormTraining, TorchBatchNorm } from './batch-norm';

beforeAll(async () => {
  await useTestBackend();
});

/** Batch norm written with plain differentiable ops, the reference for the hand-written gradient. */
function reference(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gamma), beta);
}

describe('batchNormTraining', () => {
  it('gives the same values and gradients as batch norm written with autodiff ops', () => {
    const x = tf.randomNormal([5, 4, 3, 6], 1, 2, 'float32', 1);
    const gamma = tf.randomUniform([6], 0.5, 1.5, 'float32', 2) as tf.Tensor1D;
    const beta = tf.randomNormal([6], 0, 1, 'float32', 3) as tf.Tensor1D;
    const w = tf.randomNormal([5, 4, 3, 6], 0, 1, 'float32', 4); // a loss that weighs outputs unevenly
    const loss = (f: typeof reference) => (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, g, b, 1e-5), w));
    const ours = tf.grads(loss((a, g, b, e) => batchNormTraining(a, g as tf.Tensor1D, b as tf.Tensor1D, e)))([x, gamma, beta]);
    const theirs = tf.grads(loss(reference))([x, gamma, beta]);
    expectClose(batchNormTraining(x, gamma, beta, 1e-5).dataSync(), reference(x, gamma, beta, 1e-5).dataSync());
    ours.forEach((g, i) => expectClose(g.dataSync(), theirs[i].dataSync(), { rtol: 1e-3, atol: 1e-4 }));
  });
});

describe('TorchBatchNorm', () => {
  it('updates running statistics as PyTorch (momentum 0.1, unbiased variance) and uses them in inference', () => {
    const layer = new TorchBatchNorm({ momentum: 0.1, epsilon: 1e-5 });
    const x = tf.randomNormal([8, 2, 2, 3], 2, 3, 'float32', 5);
    tf.tidy(() => layer.apply(x, { training: true }) as tf.Tensor);
    const [, , runningMean, runningVar] = layer.getWeights();
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    const n = 8 * 2 * 2;
    expectClose(runningMean.dataSync(), tf.mul(mean, 0.1).dataSync());
    expectClose(runningVar.dataSync(), tf.add(0.9, tf.mul(variance, (0.1 * n) / (n - 1))).dataSync());
    const inference = layer.apply(x) as tf.Tensor;
    expectClose(inference.dataSync(), tf.div(tf.sub(x, runningMean), tf.sqrt(tf.add(runningVar, 1e-5))).dataSync(), { rtol: 1e-4, atol: 1e-4 });
    expect(inference.shape).toEqual([8, 2, 2, 3]);
  });
});
