// The seed's DistortionLoss: squared relative distortion, scale-free by default, exact (all pairs) or
// estimated on drawn pairs (no K×K matrix: for very large class sets).
import * as tf from '@tensorflow/tfjs-core';
import { pairDistances } from '../distances/rows';
import type { Metric } from '../distances/metric';
import { costMatrixValues, type CostSource } from '../internal/cost-source';
import { inverseOffDiagonal } from '../internal/cost-tensors';
import { hostPairLoss } from '../distances/host-pair-loss';
import { pairWeightsOp } from '../distances/pair-weights-op';
import { pairWorkspace } from '../simd/pair-kernels';
import { distortionKernelForward } from './kernel-forward';
import { tensorsInHostMemory } from '../internal/host-memory';
import { distortionOfDistances } from './host-loss';
import { matrixDistortionLoss } from './matrix-loss';
import { shaderDistortionLoss } from '../webgl/distortion';
import { runsShaderPrograms } from '../webgl/run-program';
import { isRng, samplePairs, type SeedLike } from '../random';
import { assertNumber, MgpInputError } from '../validation';
import { readPointsAndCost, type CheckedPoints } from './points';

export interface DistortionLossOptions {
  /** Multiply the distances by s = Σa / Σa² (a = d/D), the least-squares optimal scale; default true. */
  scaleFree?: boolean;
  /** Distance between points; default `'euclidean'`. */
  metric?: Metric;
  /** Estimate the loss on this many drawn ordered pairs (i ≠ j) instead of all K² − K. */
  pairs?: number;
  /** Seed (or generator, for fresh pairs at every call) of the drawn pairs; default random. */
  seed?: SeedLike;
}

const FN = 'distortionLoss';
/**
 * From this many classes the host path runs its pair loops as WebAssembly SIMD kernels. Below it they take
 * microseconds, and the JavaScript loops keep their float64 arithmetic.
 */
const KERNEL_MIN_CLASSES = 64;

/**
 * Σ_{i≠j} (s·d_ij − D_ij)² / D_ij² / (K² − K) over the points [K, d], with s = Σa / Σa² (a = d/D, not
 * detached) when `scaleFree`, else s = 1. With `pairs: N` it is the same mean over N ordered pairs drawn
 * uniformly (and s from those pairs), and D may be a function of class pairs: no K×K tensor is built.
 * The plain sampled loss is an unbiased estimate of the exact one; the scale-free one is a ratio estimate
 * whose bias shrinks as 1/N.
 */
export function distortionLoss(points: tf.Tensor2D, D: CostSource, options: DistortionLossOptions = {}): tf.Scalar {
  const { scaleFree = true, metric = 'euclidean', pairs, seed } = options;
  const checked = readPointsAndCost(FN, points, D, metric, { positiveOffDiagonal: true });
  if (typeof scaleFree !== 'boolean') throw new MgpInputError(FN, 'options.scaleFree', `must be a boolean; got ${typeof scaleFree}`);
  if (seed !== undefined && !isRng(seed)) assertNumber(FN, 'options.seed', seed, { integer: true });
  const k = checked.size;
  if (pairs !== undefined) {
    const drawn = samplePairs(k, pairs, seed, { fn: FN, arg: 'options.pairs', classesArg: 'points' });
    const costs = checked.cost.pairs(drawn.i, drawn.j);
    return tf.tidy(() => sampledLoss(pairDistances(checked.points, drawn.i, drawn.j, checked.metric), costs, scaleFree));
  }
  return exactLoss(checked, D, costMatrixValues(FN, 'D', checked.cost), scaleFree);
}

/** All K² − K pairs, on the path of the active backend. */
function exactLoss({ points, metric, size: k }: CheckedPoints, D: CostSource, values: Float32Array, scaleFree: boolean): tf.Scalar {
  // Host-memory backends: the pair loops on the host, as WebAssembly SIMD kernels where they pay.
  if (tensorsInHostMemory()) {
    const workspace = k >= KERNEL_MIN_CLASSES ? pairWorkspace(k) : null;
    if (workspace) return tf.tidy(() => pairWeightsOp(points, metric, distortionKernelForward(workspace, values, scaleFree, metric)));
    return tf.tidy(() => hostPairLoss(points, metric, distortionOfDistances(values, scaleFree)));
  }
  // tfjs-webgl: three shader passes, reading a D tensor where it already is.
  if (runsShaderPrograms()) {
    return tf.tidy(() => {
      const cost = D instanceof tf.Tensor && D.dtype === 'float32' ? (D as tf.Tensor2D) : tf.tensor2d(values, [k, k]);
      return shaderDistortionLoss(points, cost, scaleFree, metric);
    });
  }
  // Other GPU backends: a chain of K×K kernels.
  return tf.tidy(() => matrixDistortionLoss(points, inverseOffDiagonal(values, k), scaleFree, metric));
}

function sampledLoss(d: tf.Tensor1D, costs: Float32Array, scaleFree: boolean): tf.Scalar {
  const inverse = costs.map((c) => 1 / c);
  const a = tf.mul(d, tf.tensor1d(inverse));
  // Not divNoNan: its Equal op has no gradient. Σa² = 0 means every a = 0, and then s = 0/tiny = 0.
  const s = scaleFree ? tf.div(tf.sum(a), tf.maximum(tf.sum(tf.square(a)), 1e-30)) : tf.scalar(1);
  return tf.mean(tf.square(tf.sub(tf.mul(s, a), 1))) as tf.Scalar;
}
