// The metric-guided regularizer: λ·distortionLoss(prototypes, D) or λ·rankLoss(prototypes, D) as a tfjs-layers
// Regularizer, so `model.fit` adds it by itself and it is saved and loaded with the model.
import * as tf from '@tensorflow/tfjs-core';
import {
  assertNumber,
  assertOneOf,
  createRng,
  distortionLoss,
  MgpInputError,
  rankLoss,
  readCostMatrix,
  type CostMatrixInput,
  type Rng,
} from '@mgp/metrics';
import { RegularizerBase } from './regularizer-base';

/** Which loss guides the prototypes. */
export type GuidanceKind = 'distortion' | 'rank';

/** Distance between prototypes that the loss compares with D. */
export type PrototypeDistance = 'euclidean' | 'cosine';

export interface MetricGuidedRegularizerOptions {
  /** `'distortion'` (default): the (scale-free) distortion loss; `'rank'`: the rank loss on drawn triplets. */
  kind?: GuidanceKind;
  /** λ, the factor of the loss, ≥ 0 (default 1). */
  weight?: number;
  /** Distance between prototypes, `'euclidean'` (default) or `'cosine'` (for prototypes on the sphere). */
  metric?: PrototypeDistance;
  /** Distortion only: multiply the distances by the optimal scale first (default true, the seed's default). */
  scaleFree?: boolean;
  /** Distortion only: estimate the loss on this many drawn pairs instead of all K² − K (very large K). */
  pairs?: number;
  /** Rank only: triplets drawn at each application (default 1000, as the seed). */
  numTriplets?: number;
  /**
   * Seed of the drawn triplets or pairs. One generator is seeded once, so each application draws fresh ones and a
   * run is reproducible; default: a random seed.
   */
  seed?: number;
}

/** Constructor arguments (and serialized config) of {@link MetricGuidedRegularizer}. */
export interface MetricGuidedRegularizerArgs extends MetricGuidedRegularizerOptions {
  /** The K×K class cost matrix: symmetric, zero diagonal, > 0 off the diagonal for the distortion loss. */
  D: CostMatrixInput;
}

const FN = 'metricGuidedRegularizer';
const KINDS: readonly GuidanceKind[] = ['distortion', 'rank'];
const DISTANCES: readonly PrototypeDistance[] = ['euclidean', 'cosine'];

/** A loaded config holds null where an option was left out. */
function given<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/**
 * λ·L(P, D) for prototypes P [K, d]: the metric-guided prototype regularization of the paper, as a serializable
 * tfjs-layers `Regularizer`. Give it as `prototypesRegularizer` of {@link LearntPrototypes} (or any layer's weight
 * regularizer) and `model.fit` adds it to the loss; `apply(prototypes)` gives the same value in custom loops.
 * `getConfig()` stores D, λ and the options, so a saved model gets the same regularizer back.
 */
export class MetricGuidedRegularizer extends RegularizerBase {
  /** @nocollapse */
  static className = 'MetricGuidedRegularizer';

  readonly kind: GuidanceKind;
  readonly weight: number;
  readonly metric: PrototypeDistance;
  readonly scaleFree: boolean;
  readonly pairs: number | undefined;
  readonly numTriplets: number;
  readonly seed: number | undefined;
  /** K, the number of classes of D (and of prototypes this regularizer accepts). */
  readonly numClasses: number;
  private readonly costs: number[][];
  private readonly rng: Rng;

  constructor(args: MetricGuidedRegularizerArgs) {
    super();
    if (args === null || typeof args !== 'object') throw new MgpInputError(FN, 'args', 'must be an object with D and options');
    const kind = given(args.kind) ?? 'distortion';
    assertOneOf(FN, 'kind', kind, KINDS);
    const weight = given(args.weight) ?? 1;
    assertNumber(FN, 'weight', weight, { min: 0 });
    const metric = given(args.metric) ?? 'euclidean';
    assertOneOf(FN, 'metric', metric, DISTANCES);
    const scaleFree = given(args.scaleFree) ?? true;
    if (typeof scaleFree !== 'boolean') throw new MgpInputError(FN, 'scaleFree', `must be a boolean; got ${typeof scaleFree}`);
    const pairs = given(args.pairs);
    if (pairs !== undefined) assertNumber(FN, 'pairs', pairs, { integer: true, min: 1 });
    const numTriplets = given(args.numTriplets) ?? 1000;
    assertNumber(FN, 'numTriplets', numTriplets, { integer: true, min: 1 });
    const seed = given(args.seed);
    if (seed !== undefined) assertNumber(FN, 'seed', seed, { integer: true });
    const checked = readCostMatrix(FN, 'D', args.D, { positiveOffDiagonal: kind === 'distortion' });
    if (checked.size < 2) {
      throw new MgpInputError(FN, 'D', `must cover at least 2 classes (the loss compares prototype pairs); got ${checked.size}×${checked.size}`);
    }
    if (kind === 'rank' && checked.size < 3) {
      throw new MgpInputError(FN, 'D', `must cover at least 3 classes for the rank loss (it compares triplets); got ${checked.size}×${checked.size}`);
    }
    this.kind = kind;
    this.weight = weight;
    this.metric = metric;
    this.scaleFree = scaleFree;
    this.pairs = pairs;
    this.numTriplets = numTriplets;
    this.seed = seed;
    this.numClasses = checked.size;
    const k = checked.size;
    this.costs = Array.from({ length: k }, (_, i) => Array.from(checked.values.subarray(i * k, (i + 1) * k)));
    this.rng = createRng(seed ?? Math.floor(Math.random() * 2 ** 32));
  }

  /** λ·L(prototypes, D) for prototypes [K, d]. */
  apply(prototypes: tf.Tensor): tf.Scalar {
    const points = prototypes as tf.Tensor2D;
    if (this.weight === 0) return tf.scalar(0);
    return tf.tidy(() => {
      const loss =
        this.kind === 'distortion'
          ? distortionLoss(points, this.costs, { scaleFree: this.scaleFree, metric: this.metric, pairs: this.pairs, seed: this.rng })
          : rankLoss(points, this.costs, { numTriplets: this.numTriplets, seed: this.rng }, { metric: this.metric });
      return tf.mul(loss, this.weight) as tf.Scalar;
    });
  }

  /** The cost matrix D, as given (a copy). */
  costMatrix(): number[][] {
    return this.costs.map((row) => [...row]);
  }

  getConfig(): tf.serialization.ConfigDict {
    // Stored as `costMatrix`: tfjs snake-cases config keys on save, and 'D' would come back as 'd'.
    const config: tf.serialization.ConfigDict = {
      costMatrix: this.costMatrix(),
      kind: this.kind,
      weight: this.weight,
      metric: this.metric,
      scaleFree: this.scaleFree,
      numTriplets: this.numTriplets,
    };
    if (this.pairs !== undefined) config.pairs = this.pairs;
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }

  /** @nocollapse */
  static fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const { costMatrix, customObjects: _ignored, ...options } = config;
    return new cls({ ...options, D: costMatrix });
  }
}
tf.serialization.registerClass(MetricGuidedRegularizer, 'Mgp');

/**
 * A {@link MetricGuidedRegularizer} for the K×K cost matrix D: `kind: 'distortion'` (default) or `'rank'`,
 * `weight` λ (default 1). Validates D and the options now, before any tensor work.
 */
export function metricGuidedRegularizer(D: CostMatrixInput, options: MetricGuidedRegularizerOptions = {}): MetricGuidedRegularizer {
  if (options === null || typeof options !== 'object') throw new MgpInputError(FN, 'options', 'must be an object');
  return new MetricGuidedRegularizer({ ...options, D });
}
