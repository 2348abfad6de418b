// Records every kernel output shape of a computation, so tests can prove a [B, K, d] tensor is never built.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

export async function kernelShapes(fn: () => tf.TensorContainer): Promise<number[][]> {
  const info = await tf.profile(fn);
  return info.kernels.flatMap((k) => k.outputShapes as number[][]);
}

export async function expectNoTensorOfShape(fn: () => tf.TensorContainer, forbidden: number[][]): Promise<void> {
  const shapes = await kernelShapes(fn);
  expect(shapes.length, 'profiled kernels').toBeGreaterThan(0);
  for (const shape of shapes) {
    for (const bad of forbidden) {
      const sameSize = shape.reduce((a, b) => a * b, 1) === bad.reduce((a, b) => a * b, 1);
      expect(sameSize && shape.length >= 3, `kernel output of shape [${shape}] has as many elements as [${bad}]`).toBe(false);
    }
  }
}
