import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildFigure1Network } from './figure1-network';

/** Trainable `tf.Variable`s of a layers model (what `optimizer.minimize` takes as its var list). */
export function trainableVariables(model: tfl.LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** The figure-1 CNN with a forward pass that says whether batch norm runs in training mode. */
export class Backbone {
  readonly model: tfl.LayersModel;

  constructor(embeddingDim: number, imageSize: number, seed: number) {
    this.model = buildFigure1Network({ embeddingDim, size: imageSize, seed });
  }

  /** Embeddings `[b, d]`. `training` switches batch norm to batch statistics and updates its running means. */
  embed(x: tf.Tensor4D, training: boolean): tf.Tensor2D {
    return this.model.apply(x, { training }) as tf.Tensor2D;
  }

  variables(): tf.Variable[] {
    return trainableVariables(this.model);
  }

  dispose(): void {
    this.model.dispose();
  }
}
