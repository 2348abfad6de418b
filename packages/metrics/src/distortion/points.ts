// Checks shared by the distortion and rank losses: points [K, d], a metric, and D covering the K points.
import * as tf from '@tensorflow/tfjs-core';
import { METRICS, type Metric } from '../distances/metric';
import { readCostSource, type CostLookup } from '../internal/cost-source';
import { assertFloat, assertOneOf, assertRank, MgpInputError } from '../validation';

export interface CheckedPoints {
  points: tf.Tensor2D;
  size: number;
  metric: Metric;
  cost: CostLookup;
}

export function readPointsAndCost(
  fn: string,
  points: unknown,
  D: unknown,
  metric: unknown,
  { positiveOffDiagonal = false, minPoints = 2 }: { positiveOffDiagonal?: boolean; minPoints?: number } = {},
): CheckedPoints {
  assertRank(fn, 'points', points, [2]);
  assertFloat(fn, 'points', points);
  const size = points.shape[0];
  if (size < minPoints) {
    throw new MgpInputError(fn, 'points', `must hold at least ${minPoints} points (one per class); got shape [${points.shape.join(', ')}]`);
  }
  assertOneOf(fn, 'options.metric', metric, METRICS);
  const cost = readCostSource(fn, 'D', D, {
    size,
    sizeReason: 'one row and column per point',
    positiveOffDiagonal,
  });
  return { points: points as tf.Tensor2D, size, metric, cost };
}
