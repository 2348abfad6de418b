// Shape, rank and dtype checks on tensor arguments, run before any tensor work.
import * as tf from '@tensorflow/tfjs-core';
import { describeValue, formatShape } from './describe';
import { MgpInputError } from './errors';

export function assertTensor(fn: string, arg: string, value: unknown): asserts value is tf.Tensor {
  if (!(value instanceof tf.Tensor)) throw new MgpInputError(fn, arg, `must be a tf.Tensor; got ${describeValue(value)}`);
  if (value.isDisposed) throw new MgpInputError(fn, arg, 'is a disposed tensor');
}

export function assertRank(fn: string, arg: string, value: unknown, ranks: readonly number[]): asserts value is tf.Tensor {
  assertTensor(fn, arg, value);
  if (!ranks.includes(value.rank)) {
    const expected = ranks.length === 1 ? `rank ${ranks[0]}` : `rank ${ranks.join(' or ')}`;
    throw new MgpInputError(fn, arg, `must have ${expected}; got ${describeValue(value)}`);
  }
}

export function assertFloat(fn: string, arg: string, value: tf.Tensor): void {
  if (value.dtype !== 'float32') throw new MgpInputError(fn, arg, `must be float32; got ${describeValue(value)}`);
}

/** Checks a dimension against what another argument implies, e.g. the last axis of embeddings vs prototypes. */
export function assertDim(fn: string, arg: string, value: tf.Tensor, axis: number, expected: number, because: string): void {
  const index = axis < 0 ? value.rank + axis : axis;
  if (value.shape[index] !== expected) {
    throw new MgpInputError(
      fn,
      arg,
      `must have size ${expected} on axis ${index} (${because}); got shape ${formatShape(value.shape)}`,
    );
  }
}

export function assertNonEmpty(fn: string, arg: string, value: tf.Tensor): void {
  if (value.size === 0) throw new MgpInputError(fn, arg, `must not be empty; got shape ${formatShape(value.shape)}`);
}
