// The axis semantics shared by every segment reduction: x is viewed as [outer, length, inner] around `axis`.
import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '../validation/describe';
import { MgpInputError } from '../validation/errors';
import { assertFloat, assertTensor } from '../validation/tensor-checks';

export interface SegmentView {
  /** The reduced axis, normalized to [0, rank). */
  readonly axis: number;
  /** Product of x's dims before `axis`. */
  readonly outer: number;
  /** x.shape[axis]: the number of segment ids. */
  readonly length: number;
  /** Product of x's dims after `axis`. */
  readonly inner: number;
  readonly shape: readonly number[];
}

export function segmentView(shape: readonly number[], axis: number): SegmentView {
  const prod = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);
  return { axis, outer: prod(shape.slice(0, axis)), length: shape[axis], inner: prod(shape.slice(axis + 1)), shape };
}

/** x's shape with the reduced axis replaced by numSegments. */
export function segmentOutputShape(view: SegmentView, numSegments: number): number[] {
  const out = view.shape.slice();
  out[view.axis] = numSegments;
  return out;
}

/** Checks x (a float32 tensor of rank ≥ 1) and the axis (an integer in [-rank, rank)); returns the view. */
export function readSegmentView(fn: string, x: unknown, axis: unknown = 0): SegmentView {
  assertTensor(fn, 'x', x);
  assertFloat(fn, 'x', x);
  if (x.rank < 1) throw new MgpInputError(fn, 'x', `must have rank 1 or more; got ${describeValue(x)}`);
  if (typeof axis !== 'number' || !Number.isInteger(axis) || axis < -x.rank || axis >= x.rank) {
    throw new MgpInputError(fn, 'axis', `must be an integer in [${-x.rank}, ${x.rank - 1}] for x of rank ${x.rank}; got ${describeValue(axis)}`);
  }
  return segmentView(x.shape, axis < 0 ? axis + x.rank : axis);
}

export function reshapeTo3d(x: tf.Tensor, view: SegmentView): tf.Tensor3D {
  return tf.reshape(x, [view.outer, view.length, view.inner]);
}
