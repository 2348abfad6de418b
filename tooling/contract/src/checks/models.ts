// The models the training, save/load and leak checks share.
import type * as tfNamespace from '@tensorflow/tfjs';
import { mgpCore } from './api';
import type { Golden, Tf } from './types';

export const REGULARIZER_WEIGHT = 0.5;
export const LEARNING_RATE = 0.1;

/** A LearntPrototypes head (euclidean) on d-dimensional embeddings, regularized towards the tree distance. */
export function prototypeModel(tf: Tf, g: Golden): tfNamespace.LayersModel {
  const [k, d] = [g.inputs.prototypes.length, g.inputs.prototypes[0].length];
  const regularizer = mgpCore.metricGuidedRegularizer(g.tree.distance_path, { kind: 'distortion', weight: REGULARIZER_WEIGHT });
  const head = new mgpCore.LearntPrototypes({
    inputShape: [d],
    numPrototypes: k,
    metric: 'euclidean',
    initialPrototypes: g.inputs.prototypes,
    prototypesRegularizer: regularizer,
  });
  const model = tf.sequential({ layers: [head] });
  model.compile({ optimizer: tf.train.sgd(LEARNING_RATE), loss: tf.losses.softmaxCrossEntropy });
  return model;
}

/** The [K, d] weight of a model (the prototypes or the class means), found by shape. */
export function weightOfShape(model: tfNamespace.LayersModel, shape: number[]): tfNamespace.Tensor {
  const found = model.getWeights().find((w) => w.shape.length === shape.length && w.shape.every((s, i) => s === shape[i]));
  if (!found) throw new Error(`no weight of shape [${shape}] in the model; weights: ${model.getWeights().map((w) => `[${w.shape}]`).join(', ')}`);
  return found;
}

export async function trainStep(model: tfNamespace.LayersModel, x: tfNamespace.Tensor, y: tfNamespace.Tensor): Promise<number> {
  const loss = await model.trainOnBatch(x, y);
  return Array.isArray(loss) ? loss[0] : loss;
}
