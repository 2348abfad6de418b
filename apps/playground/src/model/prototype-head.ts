// The page's prototype layer: K prototypes [K, d] and logits from @mgp/core's prototypeLogits (−distance).
// Serializable, so a downloaded model reloads into the page with the same predictions.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { prototypeLogits, type PrototypeMetric } from '@mgp/core';

export interface PrototypeHeadArgs {
  numPrototypes: number;
  metric: PrototypeMetric;
  /** false: the prototypes are not trained by gradients (fixed, hyperspherical, DeepNCM's running means). */
  trainable?: boolean;
  /** Seed of the default start, uniform on [0, 1) as the seed's `torch.rand`. */
  seed?: number;
  name?: string;
}

type LayerShape = tfl.Shape | tfl.Shape[];

function single(shape: LayerShape): tfl.Shape {
  return Array.isArray(shape[0]) ? (shape as tfl.Shape[])[0] : (shape as tfl.Shape);
}

export class PrototypeHead extends tfl.layers.Layer {
  /** @nocollapse */
  static className = 'PlaygroundPrototypeHead';

  readonly numPrototypes: number;
  readonly metric: PrototypeMetric;
  private readonly seed: number | undefined;
  private prototypes: tfl.LayerVariable | null = null;

  constructor(args: PrototypeHeadArgs) {
    super({ name: args.name, trainable: args.trainable ?? true });
    this.numPrototypes = args.numPrototypes;
    this.metric = args.metric;
    this.seed = args.seed ?? undefined;
  }

  override build(inputShape: LayerShape): void {
    const d = single(inputShape).at(-1);
    if (typeof d !== 'number') throw new Error(`${this.name}: the embedding size (last axis of the input) must be known`);
    const init = tfl.initializers.randomUniform({ minval: 0, maxval: 1, seed: this.seed });
    this.prototypes = this.addWeight('prototypes', [this.numPrototypes, d], 'float32', init, undefined, true);
    this.built = true;
  }

  override computeOutputShape(inputShape: LayerShape): tfl.Shape {
    return [...single(inputShape).slice(0, -1), this.numPrototypes];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      return prototypeLogits(x as tf.Tensor2D, this.variable(), { metric: this.metric });
    });
  }

  /** The prototypes variable [K, d] itself (for losses on the prototypes inside a gradient tape). */
  variable(): tf.Variable<tf.Rank.R2> {
    if (!this.prototypes) throw new Error(`${this.name}: not built yet`);
    return this.prototypes.read() as tf.Variable<tf.Rank.R2>;
  }

  /** Replaces the prototypes (same shape). */
  assign(values: tf.Tensor2D): void {
    this.variable().assign(values);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), numPrototypes: this.numPrototypes, metric: this.metric };
  }
}
tf.serialization.registerClass(PrototypeHead, 'MgpPlayground');
