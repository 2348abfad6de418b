// Fixed prototype arrangements computed from D before training, by @mgp/core: `embedMetric` for fixed prototypes,
// `embedOnSphere` for hyperspherical ones (in 2-D, K directions evenly spaced in D's order).
import * as tf from '@tensorflow/tfjs-core';
import { embedMetric, embedOnSphere } from '@mgp/core';

export interface ArrangementOptions {
  /** Seed of core's optimisation: the same seed gives the same arrangement. */
  seed: number;
  /** SGD steps of core's optimisation (core's default, 1000, when left out). */
  steps?: number;
}

/**
 * Runs core's optimisation and returns the points' values. Core's SGD is synchronous: thousands of tiny ops on K×dim
 * numbers, one GPU dispatch each on WebGL (about 6 s of a frozen page for embedMetric on the digits under SwiftShader,
 * against about 1 s on the cpu backend). So it runs on tfjs's cpu backend where one is registered (the page's
 * '@tensorflow/tfjs' registers it), after one frame for the page to show its status; the backend in use before is
 * restored afterwards. The work creates and frees its tensors on the cpu backend.
 */
async function computeOnCpu(embed: () => tf.Tensor2D): Promise<number[][]> {
  await tf.nextFrame();
  const previous = tf.getBackend();
  const switched = previous !== 'cpu' && tf.findBackendFactory('cpu') !== null && (await tf.setBackend('cpu'));
  try {
    const points = embed();
    try {
      return (await points.array()) as number[][];
    } finally {
      points.dispose();
    }
  } finally {
    if (switched) await tf.setBackend(previous);
  }
}

/**
 * The seed's "fixed prototypes": points [K, dim] whose Euclidean distances approximate D, from core's embedMetric
 * (plain distortion loss, so the distances come out in D's units, which gives −distance logits a useful range).
 */
export function metricArrangement(D: number[][], dim: number, options: ArrangementOptions): Promise<number[][]> {
  return computeOnCpu(() => embedMetric(D, dim, { loss: 'distortion', seed: options.seed, steps: options.steps }));
}

/**
 * Hyperspherical prototypes: unit vectors [K, dim], fixed before training, from core's embedOnSphere (separation
 * loss plus the rank prior on D where D covers at least 3 classes; evenly spaced in D's order in 2-D).
 */
export function sphereArrangement(D: number[][] | null, k: number, dim: number, options: ArrangementOptions): Promise<number[][]> {
  return computeOnCpu(() => embedOnSphere(D !== null && k >= 3 ? D : null, dim, { numClasses: k, seed: options.seed, steps: options.steps }));
}
