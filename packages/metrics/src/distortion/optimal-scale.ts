// The scale s* minimising the distortion Σ|s·d_ij − D_ij| / D_ij = Σ a_ij |s − 1/a_ij| (a = d / D):
// a weighted median of the 1/a with weights a, found by sorting the ratios.
import * as tf from '@tensorflow/tfjs-core';
import { selfDistances } from '../distances/self';
import type { Metric } from '../distances/metric';
import { costMatrixValues, type CostSource } from '../internal/cost-source';
import { readPointsAndCost } from './points';

export interface ScaleOptions {
  /** Distance between points; default `'euclidean'` (as the seed). */
  metric?: Metric;
}

/**
 * Ratios a = d_ij / D_ij over i < j (each unordered pair once: counting both orders, as the seed does,
 * duplicates every ratio and leaves the weighted median unchanged).
 */
export function distanceRatios(distances: ArrayLike<number>, values: Float32Array, size: number): Float64Array {
  const ratios = new Float64Array((size * (size - 1)) / 2);
  let n = 0;
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) ratios[n++] = distances[i * size + j] / values[i * size + j];
  }
  return ratios;
}

/** 1 / a_m for the first sorted ratio with Σ_{≤m} a ≥ Σ a − Σ_{≤m} a; 1 when every ratio is 0 (any scale is optimal). */
export function weightedMedianScale(ratios: Float64Array): number {
  const sorted = ratios.slice().sort();
  let total = 0;
  for (const a of sorted) total += a;
  if (!(total > 0)) return 1;
  let cumulative = 0;
  for (const a of sorted) {
    cumulative += a;
    if (cumulative >= total - cumulative) return 1 / a;
  }
  return 1 / sorted[sorted.length - 1];
}

/** Distances between the points, read to the CPU, with the checked D values. */
export function readDistances(fn: string, points: tf.Tensor2D, D: CostSource, metric: Metric) {
  const checked = readPointsAndCost(fn, points, D, metric, { positiveOffDiagonal: true });
  const values = costMatrixValues(fn, 'D', checked.cost);
  const d = tf.tidy(() => selfDistances(checked.points, checked.metric));
  const distances = d.dataSync();
  d.dispose();
  return { distances, values, size: checked.size };
}

/**
 * The factor s* by which the distances (for the euclidean metric: the points) must be multiplied to
 * minimise the distortion. Reads the distances to the CPU.
 */
export function optimalScale(points: tf.Tensor2D, D: CostSource, { metric = 'euclidean' }: ScaleOptions = {}): number {
  const { distances, values, size } = readDistances('optimalScale', points, D, metric);
  return weightedMedianScale(distanceRatios(distances, values, size));
}
