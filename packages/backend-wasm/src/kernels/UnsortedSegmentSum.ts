// UnsortedSegmentSum for wasm: one pass over the wasm heap, accumulating in float64.
//
// out[s, ...] = Σ_{i : ids[i] = s} x[i, ...]; ids outside [0, numSegments) are dropped (TensorFlow's rule).
// segmentIds may have any rank r whose shape is a prefix of x's: out has shape [numSegments, ...x.shape[r:]].
import * as tf from '@tensorflow/tfjs-core';
import { inputError } from '../errors';
import type { WasmBackendLike } from './wasm-calls';

const KERNEL = 'UnsortedSegmentSum';

export function unsortedSegmentSum(args: {
  inputs: tf.UnsortedSegmentSumInputs;
  backend: WasmBackendLike;
  attrs: tf.UnsortedSegmentSumAttrs;
}): tf.TensorInfo {
  const { backend } = args;
  const x = args.inputs.x as tf.TensorInfo;
  const segmentIds = args.inputs.segmentIds as tf.TensorInfo;
  const { numSegments } = args.attrs;

  if (!Number.isInteger(numSegments) || numSegments < 0) {
    throw inputError(KERNEL, 'numSegments', `must be a non-negative integer; got ${numSegments}`);
  }
  if (segmentIds.dtype !== 'int32') {
    throw inputError(KERNEL, 'segmentIds', `must be int32; got ${segmentIds.dtype}`);
  }
  if (x.dtype !== 'float32' && x.dtype !== 'int32') {
    throw inputError(KERNEL, 'x', `must be float32 or int32; got ${x.dtype}`);
  }
  const idRank = segmentIds.shape.length;
  if (idRank === 0 || idRank > x.shape.length || segmentIds.shape.some((d, i) => d !== x.shape[i])) {
    throw inputError(KERNEL, 'segmentIds', `must have a shape that starts x's shape [${x.shape}]; got [${segmentIds.shape}]`);
  }

  const rowShape = x.shape.slice(idRank);
  const rowSize = tf.util.sizeFromShape(rowShape);
  const out = backend.makeOutput([numSegments, ...rowShape], x.dtype);
  // Views are taken after makeOutput: allocating may grow (and so detach) the wasm heap.
  const outValues = backend.typedArrayFromHeap(out);
  const values = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  const sums = new Float64Array(numSegments * rowSize);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    const from = i * rowSize;
    const to = s * rowSize;
    for (let j = 0; j < rowSize; j++) sums[to + j] += values[from + j];
  }
  outValues.set(sums);
  return out;
}

export const unsortedSegmentSumConfig: tf.KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc,
};
