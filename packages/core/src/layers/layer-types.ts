// Types of tfjs-layers that its index does not export by name, taken from what it does export.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** The base arguments of every tfjs-layers layer (name, trainable, inputShape, batchInputShape, dtype, ...). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tfl.layers.Layer>[0]>;

/** A tfjs-layers weight initializer (`tf.initializers.*()`). */
export type Initializer = ReturnType<typeof tfl.initializers.randomUniform>;

/** Keyword arguments of `Layer.call` (e.g. `training`). */
export type Kwargs = Record<string, unknown>;

/** The one tensor of a single-input layer. */
export function singleTensor(inputs: tf.Tensor | tf.Tensor[], layer: string): tf.Tensor {
  if (!Array.isArray(inputs)) return inputs;
  if (inputs.length !== 1) throw new Error(`${layer} takes one input tensor; got ${inputs.length}`);
  return inputs[0];
}

/** The one shape of a single-input layer. */
export function singleShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
  return Array.isArray(inputShape[0]) ? (inputShape as tfl.Shape[])[0] : (inputShape as tfl.Shape);
}
