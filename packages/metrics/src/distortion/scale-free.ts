// Scale-free distortion: the distortion at the optimal scale, min_s Σ|s·d_ij − D_ij| / D_ij / (K² − K).
import * as tf from '@tensorflow/tfjs-core';
import type { CostSource } from '../internal/cost-source';
import { distanceRatios, readDistances, weightedMedianScale, type ScaleOptions } from './optimal-scale';

/**
 * The distortion of `optimalScale(points, D) · points` (the seed's ScaleFreeDistortion), summed in float64
 * on the CPU from the float32 distances. Not differentiable (it sorts); use `distortionLoss` to train.
 */
export function scaleFreeDistortion(points: tf.Tensor2D, D: CostSource, { metric = 'euclidean' }: ScaleOptions = {}): tf.Scalar {
  const { distances, values, size } = readDistances('scaleFreeDistortion', points, D, metric);
  const ratios = distanceRatios(distances, values, size);
  const scale = weightedMedianScale(ratios);
  let total = 0;
  for (const a of ratios) total += Math.abs(scale * a - 1); // |s·d − D| / D
  // Each unordered pair stands for both orders: 2·total / (K² − K).
  return tf.scalar((2 * total) / (size * size - size));
}
