// Helpers shared by the gradients: per-segment values broadcast back to members, and segment counts.
import * as tf from '@tensorflow/tfjs-core';
import { segmentLayoutOf, type MgpScatterAttrs, type SegmentLayout } from '@mgp/metrics';

export interface GradContext {
  x: tf.Tensor;
  segmentIds: tf.Tensor;
  /** The kernel's output (absent for sum and mean, which do not save it). */
  y: tf.Tensor | undefined;
  numSegments: number;
  axis: number;
}

export function gradContext(saved: tf.Tensor[], attrs: tf.NamedAttrMap): GradContext {
  const { numSegments, axis } = attrs as unknown as MgpScatterAttrs;
  const [x, segmentIds, y] = saved;
  return { x, segmentIds, y, numSegments, axis };
}

/** A per-segment tensor (`shape[axis]` = numSegments) broadcast back to each member: gather along the axis. */
export function toMembers(perSegment: tf.Tensor, { segmentIds, axis }: GradContext): tf.Tensor {
  return tf.gather(perSegment, segmentIds, axis);
}

export function layoutOf(kernelName: string, { segmentIds, numSegments, x, axis }: GradContext): SegmentLayout {
  return segmentLayoutOf(kernelName, segmentIds.dataId, numSegments, x.shape[axis], () => segmentIds.dataSync());
}

/** 1 / max(count, 1) per segment, shaped to broadcast against the kernel's output. */
export function inverseCounts(kernelName: string, ctx: GradContext): tf.Tensor {
  const layout = layoutOf(kernelName, ctx);
  const shape = ctx.x.shape.map((_, i) => (i === ctx.axis ? ctx.numSegments : 1));
  return tf.tensor(Float32Array.from(layout.counts, (c) => 1 / Math.max(c, 1)), shape);
}

/** -Infinity → 0 (for segments that are empty or all -Infinity), so that x − y stays finite. */
export function finiteOrZero(y: tf.Tensor): tf.Tensor {
  return tf.where(tf.equal(y, Number.NEGATIVE_INFINITY), tf.zerosLike(y), y);
}
