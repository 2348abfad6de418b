// A whole classifier (input → embedding → logits) as one tfjs-layers model, so `model.save` stores everything the
// predictions need, plus a view of the same layers that stops at the embedding (for training and the scatter plot).
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { PrototypeMetric } from '@mgp/core';
import { embeddingOf, type BackboneOptions } from './backbone';
import { PrototypeHead } from './prototype-head';

export type HeadSpec = { kind: 'dense' } | { kind: 'prototypes'; metric: PrototypeMetric; trainable: boolean };

export interface Classifier {
  /** input → logits [B, K]; what is saved and reloaded. */
  model: tfl.LayersModel;
  /** input → embedding [B, d], sharing the layers of `model`. */
  embedder: tfl.LayersModel;
  /** The last layer: a dense layer (cross-entropy) or the prototypes. */
  head: tfl.layers.Layer;
  prototypeHead: PrototypeHead | null;
}

export function buildClassifier(inputShape: number[], backbone: BackboneOptions, numClasses: number, headSpec: HeadSpec): Classifier {
  const input = tfl.input({ shape: inputShape, name: 'input' });
  const embedding = embeddingOf(input, backbone);
  const head =
    headSpec.kind === 'dense'
      ? tfl.layers.dense({ units: numClasses, kernelInitializer: tfl.initializers.glorotUniform({ seed: backbone.seed + 100 }), name: 'classifier' })
      : new PrototypeHead({ numPrototypes: numClasses, metric: headSpec.metric, trainable: headSpec.trainable, seed: backbone.seed + 200, name: 'prototypes' });
  const logits = head.apply(embedding) as tfl.SymbolicTensor;
  return {
    model: tfl.model({ inputs: input, outputs: logits, name: 'mgp_playground' }),
    embedder: tfl.model({ inputs: input, outputs: embedding, name: 'mgp_playground_embedding' }),
    head,
    prototypeHead: head instanceof PrototypeHead ? head : null,
  };
}

/** Embeddings [B, d]; `training` switches batch norm to batch statistics (and updates its moving averages). */
export function embed(classifier: Classifier, x: tf.Tensor, training: boolean): tf.Tensor2D {
  return classifier.embedder.apply(x, { training }) as tf.Tensor2D;
}

/** Logits [B, K] of embeddings. */
export function logitsOf(classifier: Classifier, embeddings: tf.Tensor2D): tf.Tensor2D {
  return classifier.head.apply(embeddings) as tf.Tensor2D;
}

/** The trainable variables of the whole classifier (what the optimizer updates). */
export function trainableVariables(classifier: Classifier): tf.Variable[] {
  return classifier.model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** Frees every weight. The embedder shares its layers with `model`, so disposing `model` frees them all. */
export function disposeClassifier(classifier: Classifier): void {
  classifier.model.dispose();
}
