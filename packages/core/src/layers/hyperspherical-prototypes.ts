// HypersphericalPrototypes: a head of fixed unit prototypes scored by cosine (Mettes et al. 2019; the seed's
// HypersphericalProto).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { arrayShape, assertNumber, assertOneOf, describeValue, MgpInputError } from '@mgp/metrics';
import { checkPrototypeLogitsArgs, prototypeLogitsUnchecked } from '../logits/prototype-logits';
import { singleShape, singleTensor, type Kwargs, type LayerArgs } from './layer-types';

/** What the layer outputs for an embedding x and a unit prototype p. */
export type HypersphericalScore = 'hyperspherical' | 'cosine';

export interface HypersphericalPrototypesArgs extends LayerArgs {
  /**
   * The fixed prototypes [K, d], e.g. from `embedOnSphere`; rows are scaled to unit norm. Required, except when the
   * layer is rebuilt from a saved config (the values then come from the saved weights).
   */
  prototypes?: tf.Tensor2D | number[][];
  /** K; only needed without `prototypes` (a saved config). */
  numPrototypes?: number;
  /**
   * `'hyperspherical'` (default): the seed's score −(1 − cos(x, p))², to train with `hypersphericalLoss` of
   * @mgp/metrics; `'cosine'`: the cosine similarity cos(x, p) ∈ [−1, 1]. Both predict argmax over K alike.
   */
  score?: HypersphericalScore;
}

const FN = 'HypersphericalPrototypes';
const SCORES: readonly HypersphericalScore[] = ['hyperspherical', 'cosine'];

/** Refuses a non-object `args` before tfjs-layers' Layer constructor reads it. */
function checkArgs(args: HypersphericalPrototypesArgs): HypersphericalPrototypesArgs {
  if (args === null || typeof args !== 'object') throw new MgpInputError(FN, 'args', `must be an object; got ${describeValue(args)}`);
  return args;
}

function readUnitPrototypes(value: unknown): { values: Float32Array; shape: [number, number] } {
  let values: Float32Array;
  let shape: [number, number];
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new MgpInputError(FN, 'prototypes', 'is a disposed tensor');
    if (value.rank !== 2 || value.size === 0) throw new MgpInputError(FN, 'prototypes', `must be a non-empty [K, d] matrix; got ${describeValue(value)}`);
    values = Float32Array.from(value.dataSync());
    shape = [value.shape[0], value.shape[1]];
  } else {
    const s = Array.isArray(value) ? arrayShape(value) : null;
    if (!s || s.length !== 2 || s[0] === 0 || s[1] === 0) {
      throw new MgpInputError(FN, 'prototypes', `must be a non-empty [K, d] matrix (tensor or number[][]); got ${describeValue(value)}`);
    }
    values = Float32Array.from((value as number[][]).flat());
    shape = [s[0], s[1]];
  }
  const [k, d] = shape;
  for (let i = 0; i < k; i++) {
    const row = values.subarray(i * d, (i + 1) * d);
    let norm = 0;
    for (const v of row) {
      if (!Number.isFinite(v)) throw new MgpInputError(FN, 'prototypes', `must hold finite numbers; got ${v} in row ${i}`);
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    if (!(norm > 0)) throw new MgpInputError(FN, 'prototypes', `must have no zero row (it has no direction); row ${i} is zero`);
    for (let j = 0; j < d; j++) row[j] /= norm;
  }
  return { values, shape };
}

/**
 * Fixed prototypes on the unit sphere (`[K, d]`, never trained) and, per embedding, the hyperspherical score
 * −(1 − cos)² (default) or the cosine similarity against each: `[B, d] → [B, K]`, `[B, H, W, d] → [B, H, W, K]`.
 * The embedding's norm does not matter. Serializable; the prototypes are saved as a non-trainable weight.
 */
export class HypersphericalPrototypes extends tfl.layers.Layer {
  /** @nocollapse */
  static className = 'HypersphericalPrototypes';

  readonly numPrototypes: number;
  readonly score: HypersphericalScore;
  private readonly initialValues: { values: Float32Array; shape: [number, number] } | null;
  private prototypes: tfl.LayerVariable | null = null;

  constructor(args: HypersphericalPrototypesArgs) {
    // Checked inside the super call: tfjs-layers' Layer constructor reads args.name, so null would throw TypeError.
    super(checkArgs(args));
    const score = args.score ?? 'hyperspherical';
    assertOneOf(FN, 'score', score, SCORES);
    this.score = score;
    this.initialValues = args.prototypes == null ? null : readUnitPrototypes(args.prototypes);
    const k = this.initialValues?.shape[0] ?? args.numPrototypes;
    if (k === undefined || k === null) throw new MgpInputError(FN, 'prototypes', 'must be given (the fixed unit prototypes [K, d])');
    assertNumber(FN, 'numPrototypes', k, { integer: true, min: 1 });
    if (args.numPrototypes != null && args.numPrototypes !== k) {
      throw new MgpInputError(FN, 'numPrototypes', `must equal the number of rows of prototypes (${k}); got ${args.numPrototypes}`);
    }
    this.numPrototypes = k;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = singleShape(inputShape);
    if (shape.length !== 2 && shape.length !== 4) {
      throw new MgpInputError(FN, 'inputs', `must have rank 2 [B, d] or rank 4 [B, H, W, d]; got shape [${shape.join(', ')}]`);
    }
    const d = shape[shape.length - 1];
    if (d == null) throw new MgpInputError(FN, 'inputs', `must have a known last axis (the embedding dimension); got shape [${shape.join(', ')}]`);
    if (this.initialValues && this.initialValues.shape[1] !== d) {
      throw new MgpInputError(FN, 'inputs', `must have size ${this.initialValues.shape[1]} on the last axis (the d of prototypes [K, d]); got shape [${shape.join(', ')}]`);
    }
    this.prototypes = this.addWeight('prototypes', [this.numPrototypes, d], 'float32', tfl.initializers.zeros(), undefined, false);
    if (this.initialValues) {
      const { values, shape: s } = this.initialValues;
      tf.tidy(() => {
        this.prototypes?.write(tf.tensor2d(values, s));
      });
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return [...singleShape(inputShape).slice(0, -1), this.numPrototypes];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const embeddings = singleTensor(inputs, FN);
      if (!this.prototypes) throw new Error(`${this.name}: the layer is not built yet`);
      const prototypes = this.prototypes.read() as tf.Tensor2D;
      const metric = this.score === 'hyperspherical' ? 'hyperspherical' : 'cosine';
      const resolved = checkPrototypeLogitsArgs(FN, embeddings, prototypes, { metric }, { embeddings: 'inputs', prototypes: 'prototypes' });
      const logits = prototypeLogitsUnchecked(embeddings, prototypes, resolved);
      // The 'cosine' logits are cos − 1.
      return this.score === 'cosine' ? tf.add(logits, 1) : logits;
    });
  }

  /** A copy of the unit prototypes [K, d] (the caller disposes it). */
  getPrototypes(): tf.Tensor2D {
    if (!this.prototypes) throw new Error(`${this.name}: the layer is not built yet`);
    return tf.clone(this.prototypes.read()) as tf.Tensor2D;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { numPrototypes: this.numPrototypes, score: this.score, ...super.getConfig() };
  }
}
tf.serialization.registerClass(HypersphericalPrototypes, 'Mgp');
