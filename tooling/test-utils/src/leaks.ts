// Leak checks: a step must leave tf.memory().numTensors where it was.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/** Runs `fn` (sync or async) and returns how many tensors it left behind. */
export async function countTensorsAfter(fn: () => unknown): Promise<number> {
  const before = tf.memory().numTensors;
  const out = await fn();
  if (out instanceof tf.Tensor) out.dispose();
  return tf.memory().numTensors - before;
}

/** Asserts that `fn`, run `repeat` times after one warm-up, leaves no tensors behind. */
export async function expectNoTensorLeak(fn: () => unknown, repeat = 3): Promise<void> {
  await countTensorsAfter(fn); // warm-up may create lazily-built variables
  const before = tf.memory().numTensors;
  for (let i = 0; i < repeat; i++) {
    const out = await fn();
    if (out instanceof tf.Tensor) out.dispose();
  }
  expect(tf.memory().numTensors - before, 'tensors leaked').toBe(0);
}
