// embedOnSphere: fixed hyperspherical prototypes (Mettes et al. 2019), spread apart by the separation loss and,
// when a class metric D is given, ordered by it with the rank loss on cosine distances (the seed's embed_on_sphere).
import * as tf from '@tensorflow/tfjs-core';
import { assertNumber, createRng, MgpInputError, rankLoss, readCostMatrix, separationLoss, type CostMatrixInput, type Rng } from '@mgp/metrics';
import { angularOrder, evenCircle } from './circle';
import { embedMetric } from './embed-metric';
import { resolveCommon, type CommonEmbedOptions, type ResolvedCommon } from './options';
import { runSgd } from './sgd';

export interface EmbedOnSphereOptions extends CommonEmbedOptions {
  /** Number of classes K when D is null (ignored otherwise: K is D's size). */
  numClasses?: number;
  /** Factor of the rank loss against the separation loss (default 1, as the seed). */
  rankWeight?: number;
}

const FN = 'embedOnSphere';
const DEFAULT_LR = 0.1;
const NORM_EPS = 1e-12;

/**
 * K unit prototypes in R^dim for `HypersphericalPrototypes`: separation loss (mean over prototypes of the largest
 * cosine to another one) plus, with D, `rankWeight` × the rank loss on cosine distances. SGD as the seed (learning
 * rate 0.1, momentum 0.9, weight decay 1e-4), the points projected back on the sphere after every step. With
 * `restarts > 1`, the run of lowest final loss is kept. Returns [K, dim] with unit rows; the caller disposes it.
 * Cosine distances lie in [0, 2], so at `rankWeight: 1` (the seed's) the rank loss is a gentle prior next to the
 * separation loss: it sets the far-apart classes apart but orders close ones loosely; raise it for a stronger order.
 * In 2-D the separation loss stacks classes (see ./circle), so there the prototypes are K directions 360°/K apart in
 * the angular order of `embedMetric(D, 2)` (by class index without D or with K ≤ 3, where every order is equivalent).
 */
export function embedOnSphere(D: CostMatrixInput | null, dim: number, options: EmbedOnSphereOptions = {}): tf.Tensor2D {
  const common = resolveCommon(FN, dim, options);
  const rankWeight = options.rankWeight ?? 1;
  assertNumber(FN, 'options.rankWeight', rankWeight, { min: 0 });
  let k: number;
  let costs: number[][] | null = null;
  if (D === null || D === undefined) {
    const n = options.numClasses;
    if (n === undefined) throw new MgpInputError(FN, 'options.numClasses', 'must be given when D is null');
    assertNumber(FN, 'options.numClasses', n, { integer: true, min: 2 });
    k = n;
  } else {
    const checked = readCostMatrix(FN, 'D', D);
    k = checked.size;
    if (k < 3) throw new MgpInputError(FN, 'D', `must cover at least 3 classes (the rank loss compares triplets); got ${k}×${k}`);
    costs = Array.from({ length: k }, (_, i) => Array.from(checked.values.subarray(i * k, (i + 1) * k)));
  }
  if (common.dim < 2) throw new MgpInputError(FN, 'dim', `must be at least 2 (a sphere in R^1 has two points); got ${common.dim}`);
  if (common.dim === 2) return circleArrangement(costs, k, common);

  return tf.tidy(() => {
    const cost = costs === null ? null : tf.tensor2d(costs);
    const loss = (points: tf.Tensor2D, draws: Rng): tf.Scalar => {
      const separation = separationLoss(points);
      if (cost === null || rankWeight === 0) return separation;
      const rank = rankLoss(points, cost, { numTriplets: common.numTriplets, seed: draws }, { metric: 'cosine' });
      return tf.add(separation, tf.mul(rank, rankWeight)) as tf.Scalar;
    };
    return runSgd({
      numPoints: k,
      dim: common.dim,
      steps: common.steps,
      learningRate: common.learningRate ?? DEFAULT_LR,
      restarts: common.restarts,
      seed: common.seed,
      initScale: 1,
      // The seed normalizes before each step; projecting after each step and at the end is the same sequence.
      project: unitRows,
      loss,
      // Every restart is scored on the same triplets.
      score: (p) => tf.tidy(() => loss(p, createRng(common.seed)).dataSync()[0]),
      onProgress: common.onProgress,
      progressEvery: common.progressEvery,
    });
  });
}

function circleArrangement(costs: number[][] | null, k: number, common: ResolvedCommon): tf.Tensor2D {
  let order = Array.from({ length: k }, (_, c) => c);
  if (costs !== null && k > 3) {
    const { steps, seed, restarts, onProgress, progressEvery } = common;
    // The distortion loss divides by D, so a D with zero off-diagonal costs is embedded by its rank order instead.
    const positive = costs.every((row, i) => row.every((v, j) => i === j || v > 0));
    const loss = positive ? 'distortion' : 'rank';
    const points = embedMetric(costs, 2, { loss, steps, seed, restarts, onProgress, progressEvery });
    order = angularOrder(points.arraySync());
    points.dispose();
  }
  return tf.tensor2d(evenCircle(order));
}

function unitRows(points: tf.Tensor2D): tf.Tensor2D {
  return tf.div(points, tf.maximum(tf.norm(points, 'euclidean', 1, true), NORM_EPS)) as tf.Tensor2D;
}
