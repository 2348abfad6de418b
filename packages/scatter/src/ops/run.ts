// The common body of the scatter ops: validate (MgpInputError before any tensor work), then run the kernel.
import * as tf from '@tensorflow/tfjs-core';
import { readSegmentLayout, readSegmentView, rememberSegmentLayout, type MgpScatterAttrs, type SegmentIdsInput, type SegmentLayout } from '@mgp/metrics';
import { ensureScatterKernels } from '../register';
import { KERNEL_OF, type ScatterOp } from '../scatter_op';

export interface ScatterOptions {
  /** The axis of x that the ids label (default 0; negative counts from the end). */
  axis?: number;
}

function idsTensor(segmentIds: SegmentIdsInput, layout: SegmentLayout): tf.Tensor1D {
  if (segmentIds instanceof tf.Tensor && segmentIds.dtype === 'int32') return segmentIds as tf.Tensor1D;
  const ids = tf.tensor1d(layout.ids, 'int32');
  rememberSegmentLayout(ids.dataId, layout);
  return ids;
}

export function runScatter<T extends tf.Tensor>(
  fn: string,
  op: ScatterOp,
  x: T,
  segmentIds: SegmentIdsInput,
  numSegments: number,
  options: ScatterOptions = {},
): T {
  const view = readSegmentView(fn, x, options.axis ?? 0);
  const layout = readSegmentLayout(fn, segmentIds, numSegments, view.length);
  ensureScatterKernels();
  return tf.tidy(() => {
    const attrs: MgpScatterAttrs = { numSegments: layout.numSegments, axis: view.axis };
    return tf.engine().runKernel(KERNEL_OF[op], { x, segmentIds: idsTensor(segmentIds, layout) }, attrs) as T;
  });
}
