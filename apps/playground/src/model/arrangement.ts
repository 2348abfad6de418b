// Prototype arrangements computed from D before training: fixed prototypes whose distances follow D (minimizing
// @mgp/metrics' distortion loss over the K prototypes alone, K×d numbers: quick on any backend), and prototypes
// spread on the unit sphere (hyperspherical prototypes, ordered by D).
import * as tf from '@tensorflow/tfjs-core';
import { createRng, distortionLoss, rankLoss, separationLoss } from '@mgp/metrics';

export interface ArrangementOptions {
  steps?: number;
  learningRate?: number;
  seed?: number;
}

/**
 * Minimizes `loss(P)` over P [K, dim] with Adam, yielding to the page every 50 steps; returns P's values.
 * `onSphere` projects P back onto the unit sphere after every step.
 */
async function minimizeOverPoints(
  k: number,
  dim: number,
  loss: (p: tf.Variable<tf.Rank.R2>) => tf.Scalar,
  options: ArrangementOptions,
  onSphere = false,
): Promise<number[][]> {
  // The variable keeps its own reference to the values; tidy frees the starting tensor.
  const points = tf.tidy(() => tf.variable(tf.randomNormal([k, dim], 0, 1, 'float32', options.seed ?? 0))) as tf.Variable<tf.Rank.R2>;
  const optimizer = tf.train.adam(options.learningRate ?? 0.05);
  try {
    const steps = options.steps ?? 500;
    for (let step = 0; step < steps; step++) {
      const cost = optimizer.minimize(() => loss(points), true, [points]);
      cost?.dispose();
      if (onSphere) tf.tidy(() => points.assign(tf.div(points, tf.norm(points, 'euclidean', 1, true))));
      if (step % 50 === 49) await tf.nextFrame();
    }
    return (await points.array()) as number[][];
  } finally {
    optimizer.dispose();
    points.dispose();
  }
}

/**
 * Points [K, dim] whose Euclidean distances approximate D (distortion loss, not scale-free: the distances come out
 * in D's units, which gives −distance logits a useful range). The seed's "fixed prototypes".
 */
export function metricArrangement(D: number[][], dim: number, options: ArrangementOptions = {}): Promise<number[][]> {
  return minimizeOverPoints(D.length, dim, (p) => distortionLoss(p, D, { scaleFree: false }), options);
}

/**
 * An order of the K classes in which neighbours are close in D: a nearest-neighbour chain from class 0 (ties to
 * the lower index). On a tree D it keeps siblings together; on |i − j| it is 0, 1, 2, ...
 */
export function chainOrder(D: number[][]): number[] {
  const k = D.length;
  const order = [0];
  const used = new Set(order);
  while (order.length < k) {
    const last = order[order.length - 1];
    let best = -1;
    for (let c = 0; c < k; c++) if (!used.has(c) && (best < 0 || D[last][c] < D[last][best])) best = c;
    order.push(best);
    used.add(best);
  }
  return order;
}

/**
 * Hyperspherical prototypes: unit vectors [K, dim], fixed before training. In 2-D, K directions evenly spaced on
 * the circle, classes in the order of `chainOrder(D)` (or by index without D): the best-separated arrangement,
 * neighbours in D next to each other. In higher dimensions, @mgp/metrics' separation loss (Mettes et al.) plus a
 * rank prior on D, by projected gradient descent. (In 2-D that loss has a degenerate minimum, several classes on
 * one direction: mean_i max_j cos is lower with 6 classes stacked and 4 spread at 72° than with all 10 at 36°.)
 */
export async function sphereArrangement(D: number[][] | null, k: number, dim: number, options: ArrangementOptions = {}): Promise<number[][]> {
  if (dim === 2) {
    const order = D ? chainOrder(D) : Array.from({ length: k }, (_, i) => i);
    const points = new Array<number[]>(k);
    order.forEach((c, i) => {
      const angle = Math.PI / 2 - (2 * Math.PI * i) / k;
      points[c] = [Math.cos(angle), Math.sin(angle)];
    });
    return points;
  }
  const rng = createRng(options.seed ?? 0);
  const loss = (p: tf.Variable<tf.Rank.R2>): tf.Scalar =>
    tf.tidy(() => {
      const separation = separationLoss(p);
      if (!D || k < 3) return separation;
      return tf.add(separation, tf.mul(rankLoss(p, D, { numTriplets: 100, seed: rng }, { metric: 'cosine' }), 0.3)) as tf.Scalar;
    });
  return minimizeOverPoints(k, dim, loss, { learningRate: 0.01, ...options }, true);
}
