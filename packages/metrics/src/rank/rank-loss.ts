// The seed's RankLoss: logistic loss on whether the embedding orders d_ij, d_ik as D orders D_ij, D_ik.
import * as tf from '@tensorflow/tfjs-core';
import { matchedDistances } from '../distances/rows';
import { hostPairLoss } from '../distances/host-pair-loss';
import { selfDistances } from '../distances/self';
import type { Metric } from '../distances/metric';
import { gatherElements, gatherRows } from '../internal/gather-rows';
import type { CostLookup, CostSource } from '../internal/cost-source';
import { readPointsAndCost } from '../distortion/points';
import { isRng, sampleTriplets, type ClassTriplets, type SeedLike } from '../random';
import { tensorsInHostMemory } from '../internal/host-memory';
import { assertNumber, MgpInputError } from '../validation';
import { groupByAnchor } from './anchor-order';
import { rankOfDistances } from './host-loss';
import { hostTripletRankLoss } from './host-triplets';
import { dropIgnored, readTriplets, type TripletsInput } from './triplets';
import { simdKernelsAvailable } from '../simd/pair-kernels';
import { SHADER_RANK_MAX_TRIPLETS, shaderRankLoss } from '../webgl/rank';
import { runsShaderPrograms } from '../webgl/run-program';

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
 * S = [D_ij > D_ik] and δ = d_ij − d_ik between the points [K, d] (the seed's RankLoss).
 * D may be a [K, K] matrix or a function of class pairs; only the costs of the triplets' pairs are read.
 * On cpu and wasm the triplets are measured one by one in a host loop, O(T·d), up to a crossover (T·d = 16·K² on
 * wasm, 256·K² on tfjs-cpu for the radial metrics; 2·K² and 32·K² for the cosine), and beyond it from all K²
 * distances. Elsewhere few triplets (T·d ≤ K², K²/4 on tfjs-webgl) are measured on gathered rows, O(T·d), and more
 * from all K² distances (tfjs-node loops up to 2·K² first).
 */
export function rankLoss(points: tf.Tensor2D, D: CostSource, sampling: RankLossOptions, options: RankLossOptions = {}): tf.Scalar {
  const merged = { ...sampling, ...options };
  const { metric = 'euclidean', ignoreIndex, seed } = merged;
  const checked = readPointsAndCost(FN, points, D, metric, { minPoints: 3 });
  if (ignoreIndex !== undefined) assertNumber(FN, 'options.ignoreIndex', ignoreIndex, { integer: true });
  if (seed !== undefined && !isRng(seed)) assertNumber(FN, 'options.seed', seed, { integer: true });
  const drawn = chooseTriplets(merged, checked.size, ignoreIndex);
  const strategy = autoStrategy(checked.points.shape, drawn.i.length, checked.metric);
  // On the K² paths, triplets grouped by anchor read D, the distances and the gradient one row at a time.
  const triplets = strategy === 'host' || strategy === 'shader' ? groupByAnchor(drawn, checked.size) : drawn;
  const signs = orderSigns(checked.cost, triplets);
  return tf.tidy(() => tripletRankLoss(checked.points, triplets, signs, checked.metric, strategy));
}

function chooseTriplets(options: RankLossOptions, size: number, ignoreIndex: number | undefined): ClassTriplets {
  const given = options.triplets !== undefined;
  const drawn = options.numTriplets !== undefined;
  if (given === drawn) {
    throw new MgpInputError(FN, 'sampling', `must give exactly one of 'triplets' or 'numTriplets'; got ${given ? 'both' : 'neither'}`);
  }
  if (drawn) return sampleTriplets(size, options.numTriplets as number, options.seed, { ignoreIndex, fn: FN, arg: 'numTriplets', classesArg: 'points' });
  const triplets = dropIgnored(readTriplets(FN, 'triplets', options.triplets, size), ignoreIndex);
  if (triplets.i.length === 0) throw new MgpInputError(FN, 'triplets', `must hold a triplet without class ${ignoreIndex} (ignoreIndex); every one has it`);
  return triplets;
}

/**
 * S_t = [D_ij > D_ik], as ±1 signs: the loss is softplus(−δ) when S = 1, softplus(δ) when S = 0. A matrix D is
 * read in place, without gathering the two costs of every triplet first.
 */
function orderSigns(cost: CostLookup, { i, j, k }: ClassTriplets): Float32Array {
  const signs = new Float32Array(i.length);
  if (cost.matrix) {
    const { values, size } = cost.matrix;
    for (let t = 0; t < i.length; t++) signs[t] = values[i[t] * size + j[t]] > values[i[t] * size + k[t]] ? -1 : 1;
    return signs;
  }
  const [dij, dik] = [cost.pairs(i, j), cost.pairs(i, k)];
  for (let t = 0; t < i.length; t++) signs[t] = dij[t] > dik[t] ? -1 : 1;
  return signs;
}

export type GapStrategy = 'auto' | 'rows' | 'matrix';
export type RankStrategy = GapStrategy | 'host' | 'triplets' | 'shader';
type ResolvedStrategy = Exclude<RankStrategy, 'auto'>;

/**
 * Up to this T·d / K², the host loops over the triplets one by one (d multiply-adds per distance) rather than over
 * all K² distances (upper blocks of P·Pᵀ, then a product backward). The crossover follows the backend's product
 * speed and the loop's: measured at K = 300 and 1,000, d = 128, about 2 on wasm (XNNPACK) and beyond 32 on tfjs-cpu
 * for the JavaScript loops; with the SIMD kernels of the radial metrics (../simd/triplet-kernels) about 16 on wasm
 * (loop 3.1, K² path 3.6 products at 16; 9.4 and 5.6 at 32) and beyond 128 on tfjs-cpu (0.74 and 1.9 at 128).
 * tfjs-node, unmeasured, keeps the wasm figure of the loops.
 */
function tripletLoopMaxFill(metric: Metric): number {
  const kernels = metric !== 'cosine' && simdKernelsAvailable();
  const backend = tf.getBackend();
  if (backend === 'cpu') return kernels ? 256 : 32;
  return kernels && backend === 'wasm' ? 16 : 2;
}

/**
 * Up to this T·d / K², triplets are measured on gathered rows where the triplet loop does not run (tfjs-node, GPU
 * backends). On tfjs-webgl with the shader path, the gathers and scatter cost more than its ~1.5 products from a
 * quarter up (measured in headless Chromium at K = 1,000, d = 128: rows 223 ms, shaders 161 ms at 0.38; rows
 * 100 ms, shaders 165 ms at 0.13).
 */
function rowsMaxFill(): number {
  return runsShaderPrograms() ? 0.25 : 1;
}

/**
 * On cpu and wasm the triplet loop runs from the first triplet: at K = 1,000, d = 128 it measured faster than the
 * gathered rows at every T·d from K²/20 up (wasm with the SIMD kernels: 0.22 against 0.57 products at K²/10; tfjs-cpu:
 * 0.01 against 0.10 at K²/20; wasm with the JavaScript loops: 0.37 against 0.30 at K²/20, 0.61 against 0.70 at
 * 0.3·K²), and it holds O(K·d) memory where the rows held several [T, d] tensors (939 MiB at K = 10,000, T = 100,000).
 */
const LOOP_BACKENDS = new Set(['cpu', 'wasm']);

/**
 * Where T triplets of points [K, d] are measured. On cpu and wasm: triplet by triplet in a host loop
 * (./host-triplets) up to the backend's crossover, then through all K² distances in host memory
 * (../distances/host-pair-loss). Elsewhere, few (see rowsMaxFill) on gathered rows; more on tfjs-node by the same
 * loop up to 2·K², then the K² path; on tfjs-webgl by the shader passes of ../webgl/rank; on other GPU backends
 * through the K×K distance matrix.
 */
function autoStrategy([k, dim]: number[], count: number, metric: Metric): ResolvedStrategy {
  const fill = (count * dim) / (k * k);
  const loops = tensorsInHostMemory() && LOOP_BACKENDS.has(tf.getBackend());
  if (!loops && fill <= rowsMaxFill()) return 'rows';
  if (!tensorsInHostMemory()) return runsShaderPrograms() && count <= SHADER_RANK_MAX_TRIPLETS ? 'shader' : 'matrix';
  return fill <= tripletLoopMaxFill(metric) ? 'triplets' : 'host';
}

/** The logistic rank loss of the triplets t with signs S, by the given strategy or the one autoStrategy picks. */
export function tripletRankLoss(points: tf.Tensor2D, t: ClassTriplets, signs: Float32Array, metric: Metric, strategy: RankStrategy = 'auto'): tf.Scalar {
  const resolved = strategy === 'auto' ? autoStrategy(points.shape, t.i.length, metric) : strategy;
  if (resolved === 'triplets') return hostTripletRankLoss(points, t, signs, metric);
  if (resolved === 'shader') return shaderRankLoss(points, t, signs, metric);
  if (resolved === 'host') return hostPairLoss(points, metric, rankOfDistances(t, signs), { mirrored: true });
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
