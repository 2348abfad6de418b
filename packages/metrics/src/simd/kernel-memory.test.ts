// The kernels' kept memory given back on request (./kernel-memory): all of it, at any time, even between a loss and
// its gradient, with the same values from the fresh kernels afterwards.
import * as tf from '@tensorflow/tfjs-core';
import { expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { describe, expect, it } from 'vitest';
import { distortionLoss } from '../distortion/loss';
import { rankLoss } from '../rank/rank-loss';
import { randomCostMatrix, randomMatrix } from '../testing/reference';
import { kernelMemoryBytes, releaseKernelMemory } from './kernel-memory';

const K = 96; // past 64 classes, where both losses run on the kernels
const D = randomCostMatrix(K, 5);
const P = randomMatrix(K, 8, 6);

/** The loss and its gradient; `between` runs after the forward pass, before the backward one. */
function lossAndGradient(loss: (p: tf.Tensor2D) => tf.Scalar, between: () => void = () => {}) {
  const initial = tf.tensor2d(P);
  const p = tf.variable(initial);
  const { value, grads } = tf.variableGrads(() => {
    const l = loss(p);
    between();
    return l;
  }, [p]);
  const out = { value: value.dataSync()[0], gradient: Array.from(grads[p.name].dataSync()) };
  tf.dispose([initial, p, value, grads[p.name]]);
  return out;
}

// T·d = 12.5·K² triplets take the rank loss's K² path, whose kernels keep the distances, the gradient and D.
const LOSSES = {
  distortionLoss: (p: tf.Tensor2D) => distortionLoss(p, D),
  rankLoss: (p: tf.Tensor2D) => rankLoss(p, D, { numTriplets: Math.ceil((12.5 * K * K) / 8), seed: 3 }),
};

describe.each(['cpu', 'wasm'])('releaseKernelMemory on %s', (backend) => {
  it.each(Object.entries(LOSSES))('gives back all the memory %s kept, and the next step matches the last', async (_, loss) => {
    await useTestBackend(backend);
    const before = lossAndGradient(loss);
    const kept = kernelMemoryBytes();
    expect(kept).toBeGreaterThan(4 * K * K);
    expect(releaseKernelMemory()).toBe(kept);
    expect(kernelMemoryBytes()).toBe(0);
    expect(releaseKernelMemory()).toBe(0);
    expect(lossAndGradient(loss)).toEqual(before);
  });

  it.each(Object.entries(LOSSES))('between %s and its gradient: the gradient is unchanged, no tensor leaks', async (_, loss) => {
    await useTestBackend(backend);
    const plain = lossAndGradient(loss);
    await expectNoTensorLeak(() => {
      const released = lossAndGradient(loss, () => expect(releaseKernelMemory()).toBeGreaterThan(0));
      expect(released).toEqual(plain);
    });
  });
});
