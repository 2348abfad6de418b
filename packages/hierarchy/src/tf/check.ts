// Argument checks shared by the tfjs functions, run before any tensor work.
import * as tf from '@tensorflow/tfjs-core';
import { assertFloat, assertNonEmpty, assertRank, describeValue, formatShape } from '@mgp/metrics';
import { fail } from '../tree/fail';
import { Hierarchy } from '../tree/hierarchy';
import type { NodeRef } from '../tree/types';

export function checkHierarchy(fn: string, h: unknown, argument = 'h'): asserts h is Hierarchy {
  if (!(h instanceof Hierarchy)) fail(fn, argument, `must be a Hierarchy (Hierarchy.fromNested, fromParents, …); got ${describeValue(h)}`);
}

/** A float32 [B, width] tensor with B >= 1; `because` says where the width comes from. */
export function checkMatrix(fn: string, argument: string, x: unknown, width: number, because: string): asserts x is tf.Tensor2D {
  assertRank(fn, argument, x, [2]);
  assertFloat(fn, argument, x);
  assertNonEmpty(fn, argument, x);
  if (x.shape[1] !== width) {
    fail(fn, argument, `must have ${width} columns (${because}); got shape ${formatShape(x.shape)}`);
  }
}

export function checkOptions(fn: string, opts: unknown): Record<string, unknown> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) fail(fn, 'options', `must be an object; got ${describeValue(opts)}`);
  return opts as Record<string, unknown>;
}

/** The column order of edge logits / log marginals: `nodeOrder` or the hierarchy's non-root nodes. */
export function columnOrder(fn: string, h: Hierarchy, nodeOrder: unknown): number[] {
  return h.resolveNodeOrder(nodeOrder as readonly NodeRef[] | undefined, fn, 'options.nodeOrder');
}
