// DeepNCM: a nearest-class-mean head whose class means are running averages of the embeddings, updated in training.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { assertNumber, describeValue, MgpInputError } from '@mgp/metrics';
import { prototypeLogitsUnchecked } from '../logits/prototype-logits';
import { resolveMetric } from '../logits/metric';
import { singleShape, type Kwargs, type LayerArgs } from '../layers/layer-types';
import { readBatch, readEmbeddings, updateClassMeans } from './update';

export interface DeepNCMArgs extends LayerArgs {
  /** K, the number of classes. */
  numClasses: number;
  /**
   * Starting class means [K, d] (default uniform on [0, 1), as the seed). Each is replaced by the first batch
   * mean of its class (its count starts at 0). Not stored in the config: the saved weights carry the means.
   */
  initialPrototypes?: tf.Tensor2D | number[][];
}

const FN = 'DeepNCM';

/** Refuses a non-object `args` before tfjs-layers' Layer constructor reads it. */
function checkArgs(args: DeepNCMArgs): DeepNCMArgs {
  if (args === null || typeof args !== 'object') throw new MgpInputError(FN, 'args', `must be an object; got ${describeValue(args)}`);
  return args;
}

const SQEUCLIDEAN = resolveMetric(FN, { metric: 'sqeuclidean' });

/**
 * DeepNCM head (Guerriero et al. 2018): logits −‖x − p_c‖² against running class means p_c [K, d]. Called on
 * `[embeddings, labels]` in training (`model.fit`, or `apply(..., {training: true})`), it first updates, for each
 * class c present in the batch, p_c ← (n_c·p_c + mean_batch_c) / (n_c + 1), n_c ← n_c + 1, then scores the batch
 * against the updated means; the means get no gradient, the embeddings do. Called on embeddings alone, or
 * outside training, it only scores. Means and counts are non-trainable weights: saved and loaded with the model.
 * In custom loops, `update(embeddings, labels)` performs the update step alone.
 */
export class DeepNCM extends tfl.layers.Layer {
  /** @nocollapse */
  static className = 'DeepNCM';

  readonly numClasses: number;
  private readonly initialValues: number[][] | null;
  private means: tfl.LayerVariable | null = null;
  private counts: tfl.LayerVariable | null = null;

  constructor(args: DeepNCMArgs) {
    // Checked inside the super call: tfjs-layers' Layer constructor reads args.name, so null would throw TypeError.
    super(checkArgs(args));
    assertNumber(FN, 'numClasses', args.numClasses, { integer: true, min: 1 });
    this.numClasses = args.numClasses;
    this.initialValues = readInitial(args.initialPrototypes, args.numClasses);
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = Array.isArray(inputShape[0]) ? (inputShape as tfl.Shape[])[0] : singleShape(inputShape);
    if (shape.length !== 2 && shape.length !== 4) {
      throw new MgpInputError(FN, 'embeddings', `must have rank 2 [B, d] or rank 4 [B, H, W, d]; got shape [${shape.join(', ')}]`);
    }
    const d = shape[shape.length - 1];
    if (d == null) throw new MgpInputError(FN, 'embeddings', `must have a known last axis; got shape [${shape.join(', ')}]`);
    if (this.initialValues && this.initialValues[0].length !== d) {
      throw new MgpInputError(FN, 'embeddings', `must have size ${this.initialValues[0].length} on the last axis (the d of initialPrototypes); got shape [${shape.join(', ')}]`);
    }
    const k = this.numClasses;
    this.means = this.addWeight('prototypes', [k, d], 'float32', tfl.initializers.randomUniform({ minval: 0, maxval: 1 }), undefined, false);
    this.counts = this.addWeight('counts', [k], 'float32', tfl.initializers.zeros(), undefined, false);
    const initial = this.initialValues;
    if (initial) {
      tf.tidy(() => {
        this.means?.write(tf.tensor2d(initial));
      });
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shape = Array.isArray(inputShape[0]) ? (inputShape as tfl.Shape[])[0] : singleShape(inputShape);
    return [...shape.slice(0, -1), this.numClasses];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      this.invokeCallHook(inputs, kwargs);
      const [embeddings, labels] = Array.isArray(inputs) ? inputs : [inputs, undefined];
      if (Array.isArray(inputs) && inputs.length > 2) throw new MgpInputError(FN, 'inputs', `must be embeddings or [embeddings, labels]; got ${inputs.length} tensors`);
      if (labels !== undefined && kwargs?.training === true) this.update(embeddings, labels);
      return this.logits(embeddings);
    });
  }

  /** Updates the running means and counts from one batch (embeddings [N, d] or [B, H, W, d], integer labels). */
  update(embeddings: tf.Tensor, labels: tf.Tensor | number[] | Int32Array): void {
    const { means, counts } = this.variables();
    const d = means.shape[1] as number;
    const batch = readBatch(`${FN}.update`, embeddings, labels, this.numClasses, d);
    tf.tidy(() => {
      const next = updateClassMeans(means.read() as tf.Tensor2D, counts.read() as tf.Tensor1D, embeddings, batch.labels);
      means.write(next.prototypes);
      counts.write(next.counts);
    });
  }

  /** −‖x − p_c‖² against the current means: [N, d] → [N, K], [B, H, W, d] → [B, H, W, K]. */
  logits(embeddings: tf.Tensor): tf.Tensor {
    const { means } = this.variables();
    const d = means.shape[1] as number;
    readEmbeddings(`${FN}.logits`, embeddings, d);
    return tf.tidy(() => prototypeLogitsUnchecked(embeddings, means.read() as tf.Tensor2D, SQEUCLIDEAN));
  }

  /** Copies of the class means [K, d] and counts [K] (the caller disposes them). */
  getClassMeans(): { prototypes: tf.Tensor2D; counts: tf.Tensor1D } {
    const { means, counts } = this.variables();
    return { prototypes: tf.clone(means.read()) as tf.Tensor2D, counts: tf.clone(counts.read()) as tf.Tensor1D };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { numClasses: this.numClasses, ...super.getConfig() };
  }

  private variables(): { means: tfl.LayerVariable; counts: tfl.LayerVariable } {
    if (!this.means || !this.counts) throw new Error(`${this.name}: the layer is not built yet (call it on an input first)`);
    return { means: this.means, counts: this.counts };
  }
}
tf.serialization.registerClass(DeepNCM, 'Mgp');

function readInitial(value: unknown, k: number): number[][] | null {
  if (value == null) return null;
  const rows = value instanceof tf.Tensor ? (value.rank === 2 ? (value.arraySync() as number[][]) : null) : Array.isArray(value) ? (value as number[][]) : null;
  const d = rows?.[0]?.length ?? 0;
  if (!rows || rows.length !== k || d === 0 || rows.some((r) => !Array.isArray(r) || r.length !== d || r.some((v) => !Number.isFinite(v)))) {
    throw new MgpInputError(FN, 'initialPrototypes', `must be a finite [numClasses = ${k}, d] matrix`);
  }
  return rows;
}
