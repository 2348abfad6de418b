// Checks run by every kernel before any tensor work: the message names the kernel, the input and the mismatch.
import type * as tf from '@tensorflow/tfjs-core';
import { inputError } from '../errors';

export function checkRank4Float(kernel: string, name: string, info: tf.TensorInfo): void {
  if (info.shape.length !== 4) {
    throw inputError(kernel, name, `must be rank 4; got shape [${info.shape}]`);
  }
  if (info.dtype !== 'float32') {
    throw inputError(kernel, name, `must be float32; got ${info.dtype}`);
  }
}

export function checkShape(kernel: string, name: string, actual: number[], expected: number[], why: string): void {
  if (actual.length !== expected.length || actual.some((d, i) => d !== expected[i])) {
    throw inputError(kernel, name, `must have shape [${expected}] (${why}); got [${actual}]`);
  }
}

export function checkFilterShape(kernel: string, name: string, shape: unknown): asserts shape is [number, number, number, number] {
  if (!Array.isArray(shape) || shape.length !== 4 || shape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw inputError(kernel, name, `must be 4 positive integers [height, width, inChannels, outChannels]; got ${JSON.stringify(shape)}`);
  }
}
