// The seed's RankLoss: logistic loss on whether the embedding orders d_ij, d_ik as D orders D_ij, D_ik.
import * as tf from '@tensorflow/tfjs-core';
import { matchedDistances } from '../distances/rows';
import { hostPairLoss } from '../distances/host-pair-loss';
import { selfDistances } from '../distances/self';
import type { Metric } from '../distances/metric';
import { gatherElements, gatherRows } from '../internal/gather-rows';
import type { CostSource } from '../internal/cost-source';
import { readPointsAndCost } from '../distortion/points';
import { isRng, type ClassTriplets, type SeedLike } from '../random';
import { drawClassTriplets } from '../random/sample';
import { assertNumber, MgpInputError } from '../validation';
import { groupByAnchor } from './anchor-order';
import { rankOfDistances } from './host-loss';
import { kernelRankLoss } from './kernel-loss';
import { orderSigns } from './order-signs';
import { hostTripletRankLoss } from './host-triplets';
import { dropIgnored, readTriplets, type TripletsInput } from './triplets';
import { shaderRankLoss } from '../webgl/rank';
import { autoStrategy, type GapStrategy, type RankStrategy } from './strategy';

export interface RankLossOptions {
  /** The triplets (i, j, k) to use, [T, 3]. Exclusive with `numTriplets`. */
  triplets?: TripletsInput;
  /** Draw this many triplets of distinct classes, uniformly. */
  numTriplets?: number;
  /** Seed (or generator, for fresh triplets at every call) of the drawn triplets; default random. */
  seed?: SeedLike;
  /** Distance between points; default `'euclidean'`. */
  metric?: Metric;
  /** A class never drawn, and whose given triplets are dropped (e.g. a "void" class). */
  ignoreIndex?: number;
}

const FN = 'rankLoss';

/**
 * −mean_t [S log σ(δ) + (1 − S) log σ(−δ)] over triplets t = (i, j, k) of class indices, with
 * S = [D_ij > D_ik] and δ = d_ij − d_ik between the points [K, d] (the seed's RankLoss). D may be a [K, K] matrix or a
 * function of class pairs; only the costs of the triplets' pairs are read. On cpu and wasm the triplets are measured one by one in a
 * host loop, O(T·d), up to a crossover (T·d = 12·K² on wasm, 10·K² on tfjs-cpu for the radial metrics; 1.5·K² and
 * 4·K² for the cosine), and beyond it from all K² distances (WebAssembly kernels where the engine has SIMD,
 * ./kernel-loss). Elsewhere few triplets (T·d ≤ K², K²/4 on tfjs-webgl) are measured on gathered rows, O(T·d), and
 * more from all K² distances (tfjs-node loops up to 2·K² first).
 */
export function rankLoss(points: tf.Tensor2D, D: CostSource, sampling: RankLossOptions, options: RankLossOptions = {}): tf.Scalar {
  const merged = { ...sampling, ...options };
  const { metric = 'euclidean', ignoreIndex, seed } = merged;
  const checked = readPointsAndCost(FN, points, D, metric, { minPoints: 3 });
  if (ignoreIndex !== undefined) assertNumber(FN, 'options.ignoreIndex', ignoreIndex, { integer: true });
  if (seed !== undefined && !isRng(seed)) assertNumber(FN, 'options.seed', seed, { integer: true });
  const drawn = chooseTriplets(merged, checked.points.shape, checked.metric, ignoreIndex);
  const strategy = autoStrategy(checked.points.shape, drawn.i.length, checked.metric);
  if (strategy === 'host') {
    // The kernels group the triplets and read their signs themselves.
    const viaKernels = kernelRankLoss(checked.points, drawn, { cost: checked.cost }, checked.metric);
    if (viaKernels) return viaKernels;
  }
  // On the K² paths, triplets grouped by anchor read D, the distances and the gradient one row at a time.
  const triplets = strategy === 'host' || strategy === 'shader' ? groupByAnchor(drawn, checked.size) : drawn;
  const signs = orderSigns(checked.cost, triplets);
  return tf.tidy(() => tripletRankLoss(checked.points, triplets, signs, checked.metric, strategy));
}

function chooseTriplets(options: RankLossOptions, shape: [number, number], metric: Metric, ignoreIndex: number | undefined): ClassTriplets {
  const size = shape[0];
  const given = options.triplets !== undefined;
  const drawn = options.numTriplets !== undefined;
  if (given === drawn) {
    throw new MgpInputError(FN, 'sampling', `must give exactly one of 'triplets' or 'numTriplets'; got ${given ? 'both' : 'neither'}`);
  }
  if (drawn) {
    const count = options.numTriplets as number;
    // The K² paths group the triplets at once (into the kernels' memory, or by groupByAnchor), which copies them:
    // they need no copy out of the draws' memory.
    const strategy = autoStrategy(shape, count, metric);
    const scratch = strategy === 'host' || strategy === 'shader';
    return drawClassTriplets(size, count, options.seed, { ignoreIndex, fn: FN, arg: 'numTriplets', classesArg: 'points' }, scratch);
  }
  const triplets = dropIgnored(readTriplets(FN, 'triplets', options.triplets, size), ignoreIndex);
  if (triplets.i.length === 0) throw new MgpInputError(FN, 'triplets', `must hold a triplet without class ${ignoreIndex} (ignoreIndex); every one has it`);
  return triplets;
}

/** The logistic rank loss of the triplets t with signs S, by the given strategy or the one autoStrategy picks. */
export function tripletRankLoss(points: tf.Tensor2D, t: ClassTriplets, signs: Float32Array, metric: Metric, strategy: RankStrategy = 'auto'): tf.Scalar {
  const resolved = strategy === 'auto' ? autoStrategy(points.shape, t.i.length, metric) : strategy;
  if (resolved === 'triplets') return hostTripletRankLoss(points, t, signs, metric);
  if (resolved === 'shader') return shaderRankLoss(points, t, signs, metric);
  if (resolved === 'host') {
    return kernelRankLoss(points, t, { signs }, metric) ?? hostPairLoss(points, metric, rankOfDistances(t, signs), { mirrored: true });
  }
  return logisticRankLoss(tripletGaps(points, t, metric, resolved), signs);
}

/**
 * δ_t = d(i_t, j_t) − d(i_t, k_t), from gathered rows or from the K×K distance matrix, whichever is cheaper. The
 * rows path holds a few [T, d] tensors, the matrix path a few [K, K] ones (and one K×K×d product, which runs
 * near peak speed): rows while T·d ≤ K², so memory stays O(K²) and many triplets cost one matrix product.
 */
export function tripletGaps(points: tf.Tensor2D, t: ClassTriplets, metric: Metric, strategy: GapStrategy = 'auto'): tf.Tensor1D {
  const [k, dim] = points.shape;
  const useRows = strategy === 'rows' || (strategy === 'auto' && t.i.length * dim <= k * k);
  return tf.tidy(() => {
    if (useRows) {
      const anchor = gatherRows(points, t.i);
      return tf.sub(
        matchedDistances(anchor, gatherRows(points, t.j), metric),
        matchedDistances(anchor, gatherRows(points, t.k), metric),
      ) as tf.Tensor1D;
    }
    const d = selfDistances(points, metric);
    return tf.sub(gatherElements(d, t.i, t.j), gatherElements(d, t.i, t.k)) as tf.Tensor1D;
  });
}

export function logisticRankLoss(gaps: tf.Tensor1D, signs: Float32Array): tf.Scalar {
  // −log σ(x) = softplus(−x): stable for large |δ|, unlike the seed's log(1 + exp(·)).
  return tf.mean(tf.softplus(tf.mul(gaps, tf.tensor1d(signs)))) as tf.Scalar;
}
