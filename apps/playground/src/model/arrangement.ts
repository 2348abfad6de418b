// Fixed prototype arrangements computed from D before training, by @mgp/core: `embedMetric` for fixed prototypes,
// `embedOnSphere` for hyperspherical ones, and, in 2-D only, a page-level workaround for the hyperspherical case.
//
// Why the workaround: embedOnSphere minimizes the separation loss (mean over prototypes of the largest cosine to
// another one). On the circle that loss has a degenerate minimum that stacks classes on one direction: 6 classes
// stacked and 4 spread at 72° score (6·1 + 4·cos 72°)/10 ≈ 0.72, lower than all 10 at 36° (cos 36° ≈ 0.81). In 2-D
// embedOnSphere therefore stacks classes, with or without D's rank prior and from any seed (arrangement.test.ts
// checks that this still happens; when it stops happening, the workaround can go). The best-separated arrangement on
// the circle is known, K directions 360°/K apart; what remains is which class goes where, and that follows D: the
// classes take the angular order of core's embedMetric(D, 2) arrangement, so classes close in D sit side by side.
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
 * The classes in the angular order of their points around the points' centroid (counter-clockwise, ties to the lower
 * index), starting with class 0.
 */
export function angularOrder(points: number[][]): number[] {
  const k = points.length;
  const centre = [0, 1].map((axis) => points.reduce((sum, p) => sum + p[axis], 0) / k);
  const angles = points.map((p) => Math.atan2(p[1] - centre[1], p[0] - centre[0]));
  const order = angles.map((_, c) => c).sort((a, b) => angles[a] - angles[b] || a - b);
  const start = order.indexOf(0);
  return [...order.slice(start), ...order.slice(0, start)];
}

/** K unit vectors 360°/K apart, counter-clockwise from the top: `order[i]` gets the i-th. */
export function evenCircle(order: number[]): number[][] {
  const k = order.length;
  const points = new Array<number[]>(k);
  order.forEach((c, i) => {
    const angle = Math.PI / 2 + (2 * Math.PI * i) / k;
    points[c] = [Math.cos(angle), Math.sin(angle)];
  });
  return points;
}

/**
 * Hyperspherical prototypes: unit vectors [K, dim], fixed before training. From dimension 3 on, core's embedOnSphere
 * (separation loss, plus the rank prior on D where D covers at least 3 classes). In 2-D, the workaround above:
 * K directions evenly spaced on the circle, in the angular order of core's embedMetric(D, 2) arrangement (by index
 * without D; with K ≤ 3 every order gives the same arrangement up to a reflection, so core is not needed).
 */
export async function sphereArrangement(D: number[][] | null, k: number, dim: number, options: ArrangementOptions): Promise<number[][]> {
  if (dim !== 2) {
    return computeOnCpu(() => embedOnSphere(D !== null && k >= 3 ? D : null, dim, { numClasses: k, seed: options.seed, steps: options.steps }));
  }
  const byIndex = Array.from({ length: k }, (_, c) => c);
  if (D === null || k <= 3) return evenCircle(byIndex);
  return evenCircle(angularOrder(await metricArrangement(D, 2, options)));
}
