// The segment reductions that the rest of @mgp calls. Each runs the Mgp* kernel when one is registered for the
// active backend (by @mgp/scatter), and the built-in tfjs-ops path otherwise; both give the same numbers.
import * as tf from '@tensorflow/tfjs-core';
import { MgpInputError } from '../validation/errors';
import { assertOneOf } from '../validation/options';
import { builtinSegment } from './builtin/builtin';
import type { SegmentOp } from './builtin/forward';
import { readSegmentLayout, rememberSegmentLayout, type SegmentIdsInput } from './ids';
import {
  MgpScatterLogSumExp,
  MgpScatterMax,
  MgpScatterMean,
  MgpScatterSoftmax,
  MgpScatterSum,
  type MgpScatterAttrs,
  type MgpScatterKernelName,
} from './kernel-names';
import type { SegmentLayout } from './layout';
import { readSegmentView } from './view';

export type SegmentImplementation = 'auto' | 'kernel' | 'builtin';

export interface SegmentOptions {
  /** The axis of x that the ids label, default 0. Negative values count from the end. */
  axis?: number;
  /**
   * 'auto' (default): the Mgp* kernel when registered for the active backend, else the built-in path.
   * 'kernel': the kernel or an MgpInputError. 'builtin': always the tfjs-ops path (tests, benchmarks).
   */
  implementation?: SegmentImplementation;
}

const IMPLEMENTATIONS: readonly SegmentImplementation[] = ['auto', 'kernel', 'builtin'];

const KERNEL_OF: Record<SegmentOp, MgpScatterKernelName> = {
  sum: MgpScatterSum,
  mean: MgpScatterMean,
  max: MgpScatterMax,
  logSumExp: MgpScatterLogSumExp,
  softmax: MgpScatterSoftmax,
};

/** Whether `kernelName` is registered for `backendName` (default: the active backend). */
export function hasSegmentKernel(kernelName: MgpScatterKernelName, backendName: string = tf.getBackend()): boolean {
  return tf.getKernel(kernelName, backendName) != null;
}

/** The ids as an int32 tensor for the kernel, reusing the caller's int32 tensor. */
function idsTensor(segmentIds: SegmentIdsInput, layout: SegmentLayout): tf.Tensor1D {
  if (segmentIds instanceof tf.Tensor && segmentIds.dtype === 'int32') return segmentIds as tf.Tensor1D;
  const ids = tf.tensor1d(layout.ids, 'int32');
  rememberSegmentLayout(ids.dataId, layout);
  return ids;
}

function segmentReduce(
  fn: string,
  op: SegmentOp,
  x: tf.Tensor,
  segmentIds: SegmentIdsInput,
  numSegments: number,
  options: SegmentOptions = {},
): tf.Tensor {
  const implementation = options.implementation ?? 'auto';
  assertOneOf(fn, 'options.implementation', implementation, IMPLEMENTATIONS);
  const view = readSegmentView(fn, x, options.axis ?? 0);
  const layout = readSegmentLayout(fn, segmentIds, numSegments, view.length);
  const kernelName = KERNEL_OF[op];
  const backend = tf.getBackend();
  const hasKernel = implementation !== 'builtin' && hasSegmentKernel(kernelName, backend);
  if (implementation === 'kernel' && !hasKernel) {
    throw new MgpInputError(fn, 'options.implementation', `is 'kernel' but no ${kernelName} kernel is registered for backend '${backend}' (import '@mgp/scatter' first)`);
  }
  return tf.tidy(() => {
    if (!hasKernel) return builtinSegment(op, x, layout, view);
    const attrs: MgpScatterAttrs = { numSegments: layout.numSegments, axis: view.axis };
    const inputs = { x, segmentIds: idsTensor(segmentIds, layout) };
    return tf.engine().runKernel(kernelName, inputs, attrs) as tf.Tensor;
  });
}

/** Sum of x's slices along `axis` per segment: [.., N, ..] → [.., numSegments, ..]. Empty segments give 0. */
export function segmentSum<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: SegmentOptions): T {
  return segmentReduce('segmentSum', 'sum', x, segmentIds, numSegments, options) as T;
}

/** Mean per segment; empty segments give 0. */
export function segmentMean<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: SegmentOptions): T {
  return segmentReduce('segmentMean', 'mean', x, segmentIds, numSegments, options) as T;
}

/** Maximum per segment; empty segments give -Infinity. The gradient is shared equally among tied maxima. */
export function segmentMax<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: SegmentOptions): T {
  return segmentReduce('segmentMax', 'max', x, segmentIds, numSegments, options) as T;
}

/** log Σ exp per segment, computed stably; empty segments give -Infinity. */
export function segmentLogSumExp<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: SegmentOptions): T {
  return segmentReduce('segmentLogSumExp', 'logSumExp', x, segmentIds, numSegments, options) as T;
}

/** Softmax within each segment; returns x's shape. A segment whose members are all -Infinity gets zeros. */
export function segmentSoftmax<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: SegmentOptions): T {
  return segmentReduce('segmentSoftmax', 'softmax', x, segmentIds, numSegments, options) as T;
}
