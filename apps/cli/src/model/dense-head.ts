import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { trainableVariables } from './backbone';
import { torchLikeInit } from './init';

/**
 * A linear layer on the embedding (`nn.Linear(d, units)` in the seed). Wrapped in a one-layer model so its
 * weights exist before the first step and can be handed to the optimizer.
 */
export class DenseHead {
  private readonly model: tfl.Sequential;

  constructor(inputDim: number, units: number, seed: number) {
    this.model = tfl.sequential({
      layers: [tfl.layers.dense({ units, inputShape: [inputDim], ...torchLikeInit(inputDim, seed) })],
    });
  }

  apply(embeddings: tf.Tensor2D): tf.Tensor2D {
    return this.model.apply(embeddings) as tf.Tensor2D;
  }

  variables(): tf.Variable[] {
    return trainableVariables(this.model);
  }

  dispose(): void {
    this.model.dispose();
  }
}
