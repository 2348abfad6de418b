// Distortion of an embedding of the finite metric D (the seed's Distortion).
import * as tf from '@tensorflow/tfjs-core';
import { selfDistances } from '../distances/self';
import type { Metric } from '../distances/metric';
import { costMatrixValues, type CostSource } from '../internal/cost-source';
import { costTensor, inverseOffDiagonal } from '../internal/cost-tensors';
import { readPointsAndCost } from './points';

export interface DistortionOptions {
  /** Distance between points; default `'euclidean'`. */
  metric?: Metric;
}

/** Σ_{i≠j} |d_ij − D_ij| / D_ij / (K² − K), d the distances between the points [K, d]. D must be > 0 off the diagonal. */
export function distortion(points: tf.Tensor2D, D: CostSource, { metric = 'euclidean' }: DistortionOptions = {}): tf.Scalar {
  const fn = 'distortion';
  const checked = readPointsAndCost(fn, points, D, metric, { positiveOffDiagonal: true });
  const values = costMatrixValues(fn, 'D', checked.cost);
  const k = checked.size;
  return tf.tidy(() => {
    const d = selfDistances(checked.points, checked.metric);
    const gap = tf.abs(tf.sub(d, costTensor(D, values, k)));
    return tf.div(tf.sum(tf.mul(gap, inverseOffDiagonal(values, k))), k * k - k) as tf.Scalar;
  });
}
