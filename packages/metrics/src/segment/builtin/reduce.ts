// Forward segment reductions of a [outer, N, inner] tensor into [outer, S, inner] from public tfjs ops only
// (gather, concat, reshape, sum, max, matMul): they run on every backend, wasm included, which lacks
// UnsortedSegmentSum. Call inside tf.tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { SegmentLayout } from '../layout';
import { planGather, type GatherPlan } from './plan';

export type ReduceKind = 'sum' | 'max';

/** Largest S × N for which a sum uses the one-hot matrix product instead of the gather plan. */
export const ONE_HOT_MAX_ELEMENTS = 1 << 20;
/** ... and the largest S: the matrix product costs S × N × inner multiply-adds where a gather costs ~3 N × inner. */
export const ONE_HOT_MAX_SEGMENTS = 32;

const plans = new WeakMap<SegmentLayout, GatherPlan>();

function planFor(layout: SegmentLayout): GatherPlan {
  let plan = plans.get(layout);
  if (!plan) plans.set(layout, (plan = planGather(layout)));
  return plan;
}

function identity(kind: ReduceKind): number {
  return kind === 'sum' ? 0 : Number.NEGATIVE_INFINITY;
}

/**
 * Appends one pad column along the last axis of [outer, inner, M]: the pad row the plans point to. A sum pads
 * with 0. A max pads with the smallest value of each [outer, inner] row, never with -Infinity: float16 textures
 * (webgl without float32 render targets) turn -Infinity into NaN. Every group of a plan holds at least one real
 * member, so a pad that is ≤ each member leaves every max exact, however negative the members are.
 */
function appendPad(x: tf.Tensor3D, kind: ReduceKind): tf.Tensor3D {
  const [outer, inner] = x.shape;
  const pad = kind === 'sum' ? tf.zeros([outer, inner, 1]) : tf.min(x, 2, true);
  return tf.concat([x, pad as tf.Tensor3D], 2);
}

/**
 * Gather-plan reduction: memory O(N × inner) per level, never O(N × S × inner). Members are put on the innermost
 * axis ([outer, inner, N], a reshape when inner = 1) so every gather and every reduction runs over the last axis,
 * which tfjs's reduce kernels handle without an internal transpose. An empty segment's max is -Infinity only
 * when `emptyMax` is true (the documented result); with false it is a finite placeholder (the row minimum) that
 * callers mask themselves, so no -Infinity reaches a float16 texture.
 */
export function gatherReduce(x: tf.Tensor3D, layout: SegmentLayout, kind: ReduceKind, emptyMax = true): tf.Tensor3D {
  const [outer, n, inner] = x.shape;
  const { numSegments } = layout;
  if (layout.nonEmpty === 0 || x.size === 0) return tf.fill([outer, numSegments, inner], emptyMax ? identity(kind) : 0);
  const plan = planFor(layout);
  let current: tf.Tensor3D = inner === 1 ? tf.reshape(x, [outer, 1, n]) : tf.transpose(x, [0, 2, 1]);
  for (const level of plan.levels) {
    const gathered = tf.gather(appendPad(current, kind), tf.tensor1d(level.index, 'int32'), 2);
    const grid = tf.reshape(gathered, [outer, inner, level.groups, level.width]);
    current = (kind === 'sum' ? tf.sum(grid, 3) : tf.max(grid, 3)) as tf.Tensor3D;
  }
  if (plan.expand) {
    current = tf.gather(appendPad(current, kind), tf.tensor1d(plan.expand, 'int32'), 2);
    if (kind === 'max' && emptyMax) current = tf.add(current, emptyOffsets(layout, Number.NEGATIVE_INFINITY)) as tf.Tensor3D;
  }
  return inner === 1 ? tf.reshape(current, [outer, numSegments, 1]) : tf.transpose(current, [0, 2, 1]);
}

/** `value` for empty segments and 0 for the others, [1, 1, S] (to add to the [outer, inner, S] result). */
function emptyOffsets(layout: SegmentLayout, value: number): tf.Tensor3D {
  const offsets = Float32Array.from(layout.counts, (c) => (c > 0 ? 0 : value));
  return tf.tensor3d(offsets, [1, 1, layout.numSegments]);
}

/** Sum as one matrix product with the [S, N] one-hot membership matrix. */
export function oneHotSum(x: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  const [outer, n, inner] = x.shape;
  const s = layout.numSegments;
  const membership = new Float32Array(s * n);
  for (let i = 0; i < n; i++) membership[layout.ids[i] * n + i] = 1;
  const m = tf.tensor2d(membership, [s, n]);
  if (outer === 1) return tf.reshape(tf.matMul(m, tf.reshape(x, [n, inner])), [1, s, inner]);
  if (inner === 1) return tf.reshape(tf.matMul(tf.reshape(x, [outer, n]), m, false, true), [outer, s, 1]);
  const rows = tf.reshape(tf.transpose(x, [1, 0, 2]), [n, outer * inner]);
  return tf.transpose(tf.reshape(tf.matMul(m, rows), [s, outer, inner]), [1, 0, 2]);
}

export function segmentSum3d(x: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  const n = x.shape[1];
  const small = layout.numSegments <= ONE_HOT_MAX_SEGMENTS && layout.numSegments * n <= ONE_HOT_MAX_ELEMENTS;
  if (small && x.size > 0) return oneHotSum(x, layout);
  return gatherReduce(x, layout, 'sum');
}

export function segmentMax3d(x: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  return gatherReduce(x, layout, 'max');
}

/** Rows of a [outer, S, inner] per-segment tensor, broadcast back to each member: [outer, N, inner]. */
export function gatherSegments(perSegment: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  return tf.gather(perSegment, tf.tensor1d(layout.ids, 'int32'), 1);
}

/** -Infinity → 0, so that x − m stays finite for segments that are empty or all -Infinity. */
export function finiteOrZero(m: tf.Tensor3D): tf.Tensor3D {
  return tf.where(tf.equal(m, Number.NEGATIVE_INFINITY), tf.zerosLike(m), m);
}

/**
 * log Σ exp per segment = m + log Σ exp(x − m), m the segment max (0 where it is -Infinity). Empty segments get
 * a finite m (never -Infinity, which float16 textures turn into NaN) and a sum of 0.
 */
export function segmentLogSumExp3d(x: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  const m = finiteOrZero(gatherReduce(x, layout, 'max', false));
  const sums = segmentSum3d(tf.exp(tf.sub(x, gatherSegments(m, layout))) as tf.Tensor3D, layout);
  // log(0) must be -Infinity (empty or all -Infinity segments); webgl's log(0) is a large negative number instead.
  const lse = tf.add(m, tf.log(sums));
  return tf.where(tf.greater(sums, 0), lse, tf.fill(lse.shape, Number.NEGATIVE_INFINITY)) as tf.Tensor3D;
}

/** exp(x − logsumexp of x's segment), with a -Infinity logsumexp taken as 0 (members that are all -Infinity → 0). */
export function segmentSoftmax3d(x: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  if (x.size === 0) return tf.zerosLike(x);
  return tf.exp(tf.sub(x, gatherSegments(finiteOrZero(segmentLogSumExp3d(x, layout)), layout))) as tf.Tensor3D;
}

/** 1 / max(count, 1) per segment, shaped [1, S, 1] to broadcast over [outer, S, inner]. */
export function inverseCounts(layout: SegmentLayout): tf.Tensor3D {
  const inv = Float32Array.from(layout.counts, (c) => 1 / Math.max(c, 1));
  return tf.tensor3d(inv, [1, layout.numSegments, 1]);
}
