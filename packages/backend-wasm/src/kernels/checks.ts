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

/** dy and filter of a backprop-input kernel (rank-4 float32) and the NHWC input shape it rebuilds. */
export function checkBackpropInputArgs(kernel: string, dy: tf.TensorInfo, filter: tf.TensorInfo, inputShape: unknown): asserts inputShape is [number, number, number, number] {
  checkRank4Float(kernel, 'dy', dy);
  checkRank4Float(kernel, 'filter', filter);
  if (!Array.isArray(inputShape) || inputShape.length !== 4 || inputShape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw inputError(kernel, 'inputShape', `must be 4 non-negative integers [batch, height, width, channels]; got ${JSON.stringify(inputShape)}`);
  }
  if (inputShape[3] !== filter.shape[2]) {
    throw inputError(kernel, 'filter', `must have ${inputShape[3]} input channels (inputShape [${inputShape}]); got shape [${filter.shape}]`);
  }
}
