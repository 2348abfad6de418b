// useBackend({ replaceSlowKernels: false }) leaves tfjs's own kernels in place (a fresh process: vitest forks per file).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { useBackend } from './index';

it('keeps tfjs-backend-wasm kernels and says nothing of replacements', async () => {
  const info = await useBackend({ replaceSlowKernels: false });
  expect(info.extraKernels).not.toContain('MaxPoolGrad');
  expect(info.extraKernels).not.toContain('Conv2DBackpropInput');
  expect(info.notes.join(' ')).not.toMatch(/replaced/);
  // tfjs's own wasm kernel still computes the gradient.
  const x = tf.tensor4d([1, 5, 2, 3], [1, 2, 2, 1]);
  const g = tf.grad((t: tf.Tensor) => tf.sum(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid')))(x);
  expect(Array.from(g.dataSync())).toEqual([0, 1, 0, 0]);
  tf.dispose([x, g]);
});
