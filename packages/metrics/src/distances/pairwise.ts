// pairwiseDistances: every row of `a` against every row of `b` (or of `a` itself).
import * as tf from '@tensorflow/tfjs-core';
import { assertDim, assertFloat, assertOneOf, assertRank } from '../validation';
import { crossDistances } from './cross';
import { METRICS, type Metric } from './metric';
import { selfDistances } from './self';

export interface DistanceOptions {
  /** Default `'euclidean'`. */
  metric?: Metric;
}

const FN = 'pairwiseDistances';

/**
 * Distances [B, K] between the rows of `a` [B, d] and `b` [K, d] (`b` omitted: `a` against itself, [B, B],
 * with an exact zero diagonal). Computed as ‖a‖² + ‖b‖² − 2abᵀ clamped at 0, never as a [B, K, d] tensor.
 * Gradients are finite where two rows coincide (the euclidean gradient is 0 there) and, in the self case,
 * flow through both uses of `a`.
 */
export function pairwiseDistances(a: tf.Tensor2D, b?: tf.Tensor2D | null, options?: DistanceOptions): tf.Tensor2D;
export function pairwiseDistances(a: tf.Tensor2D, options?: DistanceOptions): tf.Tensor2D;
export function pairwiseDistances(
  a: tf.Tensor2D,
  bOrOptions?: tf.Tensor2D | DistanceOptions | null,
  maybeOptions: DistanceOptions = {},
): tf.Tensor2D {
  const isTensor = bOrOptions instanceof tf.Tensor;
  const b = isTensor ? bOrOptions : null;
  const options = (isTensor || bOrOptions == null ? maybeOptions : bOrOptions) ?? {};
  const { metric = 'euclidean' } = options;
  checkDistanceArgs(FN, a, b, metric);
  return tf.tidy(() => (b ? crossDistances(a, b, metric) : selfDistances(a, metric)));
}

export function checkDistanceArgs(fn: string, a: unknown, b: unknown, metric: unknown): asserts a is tf.Tensor2D {
  assertRank(fn, 'a', a, [2]);
  assertFloat(fn, 'a', a);
  if (b != null) {
    assertRank(fn, 'b', b, [2]);
    assertFloat(fn, 'b', b);
    assertDim(fn, 'b', b, 1, a.shape[1] as number, "the feature size of 'a'");
  }
  assertOneOf(fn, 'options.metric', metric, METRICS);
}
