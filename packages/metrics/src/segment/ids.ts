// Segment ids: read once on the CPU (they are small and usually constant structure), validated, and turned into a
// SegmentLayout. Layouts of tensors are cached per tensor data, so constant ids are read from a GPU only once.
import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '../validation/describe';
import { MgpInputError } from '../validation/errors';
import { assertNumber } from '../validation/options';
import { buildSegmentLayout, type SegmentLayout } from './layout';

/** Segment ids as a rank-1 tensor (int32, or float32 holding integers), a number[] or an Int32Array. */
export type SegmentIdsInput = tf.Tensor | readonly number[] | Int32Array;

// Keyed by the tensor's dataId (an object that lives as long as the data; tensor data never changes in place),
// then by numSegments.
const cache = new WeakMap<object, Map<number, SegmentLayout>>();

export function assertNumSegments(fn: string, numSegments: unknown): asserts numSegments is number {
  assertNumber(fn, 'numSegments', numSegments, { integer: true, min: 1 });
}

/** Checks values read from ids: length, integrality, range. Returns them as an Int32Array. */
export function checkSegmentIds(
  fn: string,
  arg: string,
  values: ArrayLike<number>,
  numSegments: number,
  length: number,
  because = 'the size of the reduced axis of x',
): Int32Array {
  if (values.length !== length) {
    throw new MgpInputError(fn, arg, `must have length ${length} (${because}); got length ${values.length}`);
  }
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const id = values[i];
    if (!Number.isInteger(id)) throw new MgpInputError(fn, arg, `must hold integer segment ids; got ${id} at index ${i}`);
    if (id < 0 || id >= numSegments) {
      throw new MgpInputError(fn, arg, `must hold ids in [0, ${numSegments - 1}] (numSegments = ${numSegments}); got ${id} at index ${i}`);
    }
    ids[i] = id;
  }
  return ids;
}

function cached(key: object, numSegments: number): SegmentLayout | undefined {
  return cache.get(key)?.get(numSegments);
}

/** Records a layout for a tensor's data, e.g. for an ids tensor just made from an already-validated array. */
export function rememberSegmentLayout(dataId: object, layout: SegmentLayout): void {
  let byCount = cache.get(dataId);
  if (!byCount) cache.set(dataId, (byCount = new Map()));
  byCount.set(layout.numSegments, layout);
}

/**
 * For kernels, which see a TensorInfo: the layout of the ids stored under `dataId`, reading them through `read`
 * only on a cache miss. Throws MgpInputError on bad ids.
 */
export function segmentLayoutOf(
  fn: string,
  dataId: object,
  numSegments: number,
  length: number,
  read: () => ArrayLike<number>,
): SegmentLayout {
  assertNumSegments(fn, numSegments);
  const hit = cached(dataId, numSegments);
  if (hit && hit.ids.length === length) return hit;
  const layout = buildSegmentLayout(checkSegmentIds(fn, 'segmentIds', read(), numSegments, length), numSegments);
  rememberSegmentLayout(dataId, layout);
  return layout;
}

/**
 * Validates user-facing segment ids and returns their layout. Throws MgpInputError (before any tensor work) when
 * they are not rank 1, not of length `length`, not integers, or outside [0, numSegments).
 */
export function readSegmentLayout(
  fn: string,
  segmentIds: unknown,
  numSegments: unknown,
  length: number,
): SegmentLayout {
  assertNumSegments(fn, numSegments);
  if (segmentIds instanceof tf.Tensor) {
    if (segmentIds.isDisposed) throw new MgpInputError(fn, 'segmentIds', 'is a disposed tensor');
    if (segmentIds.rank !== 1) throw new MgpInputError(fn, 'segmentIds', `must have rank 1; got ${describeValue(segmentIds)}`);
    if (segmentIds.dtype !== 'int32' && segmentIds.dtype !== 'float32') {
      throw new MgpInputError(fn, 'segmentIds', `must be an int32 (or integer-valued float32) tensor; got ${describeValue(segmentIds)}`);
    }
    const ids = segmentIds;
    return segmentLayoutOf(fn, ids.dataId, numSegments, length, () => ids.dataSync());
  }
  if (Array.isArray(segmentIds) || segmentIds instanceof Int32Array) {
    const values = segmentIds as ArrayLike<number>;
    return buildSegmentLayout(checkSegmentIds(fn, 'segmentIds', values, numSegments, length), numSegments);
  }
  throw new MgpInputError(fn, 'segmentIds', `must be a rank-1 tensor, a number[] or an Int32Array of segment ids; got ${describeValue(segmentIds)}`);
}
