// LearntPrototypes: the prototype head of metric-guided prototype learning, appended to any backbone.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { arrayShape, assertNumber, describeValue, MgpInputError } from '@mgp/metrics';
import { checkPrototypeLogitsArgs, prototypeLogitsUnchecked } from '../logits/prototype-logits';
import { resolveMetric, type PrototypeMetric, type ResolvedMetric } from '../logits/metric';
import { RegularizerBase, type Regularizer } from '../regularizer/regularizer-base';
import { MetricGuidedRegularizer } from '../regularizer/metric-guided-regularizer';
import { singleShape, singleTensor, type Initializer, type Kwargs, type LayerArgs } from './layer-types';
import { deserializeObject, serializeObject } from './serialize';

export interface LearntPrototypesArgs extends LayerArgs {
  /**
   * K, the number of prototypes (one per class). May be left out when `initialPrototypes` is given; must
   * agree with it otherwise.
   */
  numPrototypes?: number;
  /**
   * Starting values of the prototypes, [K, d] (d must equal the last axis of the input). With
   * `trainable: false` they stay fixed: metric-guided fixed prototypes, e.g. from `embedMetric`.
   * Not stored in the config: a saved model carries the prototypes in its weights.
   */
  initialPrototypes?: tf.Tensor2D | number[][];
  /** Initializer of the prototypes when `initialPrototypes` is not given; default uniform on [0, 1) (the seed's). */
  prototypesInitializer?: Initializer;
  /**
   * How a logit scores an embedding x against a prototype p (default `'euclidean'`, −‖x − p‖). See
   * `prototypeLogits`.
   */
  metric?: PrototypeMetric;
  /** δ of the `'pseudoHuber'` metric, > 0 (default 1). */
  delta?: number;
  /**
   * Regularizer of the prototypes [K, d], e.g. `metricGuidedRegularizer(D, {weight})`: `model.fit` adds its value
   * to the loss. A MetricGuidedRegularizer must cover exactly K classes.
   */
  prototypesRegularizer?: Regularizer;
}

const FN = 'LearntPrototypes';

/** Refuses a non-object `args` before tfjs-layers' Layer constructor reads it. */
function checkArgs(args: LearntPrototypesArgs): LearntPrototypesArgs {
  if (args === null || typeof args !== 'object') throw new MgpInputError(FN, 'args', `must be an object; got ${describeValue(args)}`);
  return args;
}

function isRegularizer(object: tf.serialization.Serializable): object is Regularizer {
  return object instanceof RegularizerBase;
}

/** tfjs-layers' Initializer base class (exported only through its factories), the parent of Zeros. */
const InitializerBase: unknown = Object.getPrototypeOf(tfl.initializers.zeros().constructor);

function isInitializer(object: tf.serialization.Serializable): object is Initializer {
  return typeof InitializerBase === 'function' && object instanceof InitializerBase;
}

/** Checks initialPrototypes (tensor or nested array) and returns its values and shape; no tensor is made. */
function readInitialPrototypes(value: unknown): { values: Float32Array; shape: [number, number] } | null {
  if (value == null) return null;
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new MgpInputError(FN, 'initialPrototypes', 'is a disposed tensor');
    if (value.rank !== 2 || value.size === 0) throw new MgpInputError(FN, 'initialPrototypes', `must be a non-empty [K, d] matrix; got ${describeValue(value)}`);
    const values = Float32Array.from(value.dataSync());
    checkFinite(values);
    return { values, shape: [value.shape[0], value.shape[1]] };
  }
  const shape = Array.isArray(value) ? arrayShape(value) : null;
  if (!shape || shape.length !== 2 || shape[0] === 0 || shape[1] === 0) {
    throw new MgpInputError(FN, 'initialPrototypes', `must be a non-empty [K, d] matrix (tensor or number[][]); got ${describeValue(value)}`);
  }
  const values = Float32Array.from((value as number[][]).flat());
  checkFinite(values);
  return { values, shape: [shape[0], shape[1]] };
}

function checkFinite(values: Float32Array): void {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new MgpInputError(FN, 'initialPrototypes', `must hold finite numbers; got ${values[bad]} at flat index ${bad}`);
}

/**
 * A prototype classifier head: K prototypes [K, d] in the embedding space, and logits scoring every embedding
 * against every prototype (`[B, d] → [B, K]`, NHWC `[B, H, W, d] → [B, H, W, K]`). Prototypes are learnt (default)
 * or fixed (`trainable: false` with `initialPrototypes`), regularized by e.g. `metricGuidedRegularizer(D)`.
 * Serializable: `model.save` / `tf.loadLayersModel` give back the same logits.
 */
export class LearntPrototypes extends tfl.layers.Layer {
  /** @nocollapse */
  static className = 'LearntPrototypes';

  readonly numPrototypes: number;
  readonly metric: PrototypeMetric;
  readonly delta: number;
  private readonly resolved: ResolvedMetric;
  private readonly initialValues: { values: Float32Array; shape: [number, number] } | null;
  private readonly prototypesInitializer: Initializer | null;
  private readonly prototypesRegularizer: Regularizer | null;
  private prototypes: tfl.LayerVariable | null = null;

  constructor(args: LearntPrototypesArgs) {
    // Checked inside the super call: tfjs-layers' Layer constructor reads args.name, so null would throw TypeError.
    super(checkArgs(args));
    this.resolved = resolveMetric(FN, { metric: args.metric ?? undefined, delta: args.delta ?? undefined });
    this.metric = this.resolved.metric;
    this.delta = this.resolved.delta;
    this.initialValues = readInitialPrototypes(args.initialPrototypes);
    const k = args.numPrototypes ?? this.initialValues?.shape[0];
    if (k === undefined) throw new MgpInputError(FN, 'numPrototypes', 'must be given when initialPrototypes is not');
    assertNumber(FN, 'numPrototypes', k, { integer: true, min: 1 });
    if (this.initialValues && this.initialValues.shape[0] !== k) {
      throw new MgpInputError(FN, 'initialPrototypes', `must have numPrototypes = ${k} rows; got shape [${this.initialValues.shape.join(', ')}]`);
    }
    this.numPrototypes = k;
    this.prototypesInitializer = deserializeObject(FN, 'prototypesInitializer', args.prototypesInitializer, isInitializer, 'a tf.initializers initializer');
    this.prototypesRegularizer = deserializeObject(FN, 'prototypesRegularizer', args.prototypesRegularizer, isRegularizer, 'a tfjs Regularizer');
    if (this.prototypesRegularizer instanceof MetricGuidedRegularizer && this.prototypesRegularizer.numClasses !== k) {
      const n = this.prototypesRegularizer.numClasses;
      throw new MgpInputError(FN, 'prototypesRegularizer', `must cover numPrototypes = ${k} classes; its D is ${n}×${n}`);
    }
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = singleShape(inputShape);
    if (shape.length !== 2 && shape.length !== 4) {
      throw new MgpInputError(FN, 'inputs', `must have rank 2 [B, d] or rank 4 [B, H, W, d]; got shape [${shape.join(', ')}]`);
    }
    const d = shape[shape.length - 1];
    if (d == null) throw new MgpInputError(FN, 'inputs', `must have a known last axis (the embedding dimension); got shape [${shape.join(', ')}]`);
    if (this.initialValues && this.initialValues.shape[1] !== d) {
      throw new MgpInputError(FN, 'inputs', `must have size ${this.initialValues.shape[1]} on the last axis (the d of initialPrototypes [K, d]); got shape [${shape.join(', ')}]`);
    }
    const initializer = this.prototypesInitializer ?? tfl.initializers.randomUniform({ minval: 0, maxval: 1 });
    this.prototypes = this.addWeight(
      'prototypes',
      [this.numPrototypes, d],
      'float32',
      initializer,
      this.prototypesRegularizer ?? undefined,
      true,
    );
    if (this.initialValues) {
      const { values, shape: s } = this.initialValues;
      tf.tidy(() => {
        this.prototypes?.write(tf.tensor2d(values, s));
      });
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = singleShape(inputShape);
    return [...shape.slice(0, -1), this.numPrototypes];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const embeddings = singleTensor(inputs, FN);
      const prototypes = this.prototypesVariable().read() as tf.Tensor2D;
      const metric = checkPrototypeLogitsArgs(FN, embeddings, prototypes, this.resolved, { embeddings: 'inputs', prototypes: 'prototypes' });
      return prototypeLogitsUnchecked(embeddings, prototypes, metric);
    });
  }

  /** A copy of the current prototypes [K, d] (the caller disposes it). */
  getPrototypes(): tf.Tensor2D {
    return tf.clone(this.prototypesVariable().read()) as tf.Tensor2D;
  }

  /** The regularizer of the prototypes, if any. */
  getPrototypesRegularizer(): Regularizer | null {
    return this.prototypesRegularizer;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {
      numPrototypes: this.numPrototypes,
      metric: this.metric,
      delta: this.delta,
      prototypesInitializer: serializeObject(this.prototypesInitializer),
      prototypesRegularizer: serializeObject(this.prototypesRegularizer),
    };
    return { ...config, ...super.getConfig() };
  }

  private prototypesVariable(): tfl.LayerVariable {
    if (!this.prototypes) throw new Error(`${this.name}: the layer is not built yet (call it on an input first)`);
    return this.prototypes;
  }
}
tf.serialization.registerClass(LearntPrototypes, 'Mgp');
