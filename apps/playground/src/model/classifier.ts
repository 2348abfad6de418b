// A whole classifier (input → embedding → logits) as one tfjs-layers model, so `model.save` stores everything the
// predictions need, plus a view of the same layers that stops at the embedding (for training and the scatter plot).
// The prototype heads are @mgp/core's layers, so a saved model loads wherever @mgp/core is imported.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes } from '@mgp/core';
import { embeddingOf, type BackboneOptions } from './backbone';

/** The prototype heads the page trains: all of them @mgp/core's, registered with tfjs under their class names. */
export type PrototypeLayer = LearntPrototypes | HypersphericalPrototypes | DeepNCM;

/** The last layer: a dense layer (cross-entropy) or one of @mgp/core's prototype layers. */
export type Head = tfl.layers.Layer;

export interface Classifier {
  /** input → logits [B, K]; what is saved and reloaded. */
  model: tfl.LayersModel;
  /** input → embedding [B, d], sharing the layers of `model`. */
  embedder: tfl.LayersModel;
  head: Head;
  prototypeHead: PrototypeLayer | null;
}

export function isPrototypeLayer(layer: tfl.layers.Layer): layer is PrototypeLayer {
  return layer instanceof LearntPrototypes || layer instanceof HypersphericalPrototypes || layer instanceof DeepNCM;
}

/** The linear classifier of the cross-entropy baseline. */
export function denseHead(numClasses: number, seed: number): Head {
  return tfl.layers.dense({ units: numClasses, kernelInitializer: tfl.initializers.glorotUniform({ seed }), name: 'classifier' });
}

export function buildClassifier(inputShape: number[], backbone: BackboneOptions, head: Head): Classifier {
  const input = tfl.input({ shape: inputShape, name: 'input' });
  const embedding = embeddingOf(input, backbone);
  const logits = head.apply(embedding) as tfl.SymbolicTensor;
  return {
    model: tfl.model({ inputs: input, outputs: logits, name: 'mgp_playground' }),
    embedder: tfl.model({ inputs: input, outputs: embedding, name: 'mgp_playground_embedding' }),
    head,
    prototypeHead: isPrototypeLayer(head) ? head : null,
  };
}

/** Embeddings [B, d]; `training` switches batch norm to batch statistics (and updates its moving averages). */
export function embed(classifier: Classifier, x: tf.Tensor, training: boolean): tf.Tensor2D {
  return classifier.embedder.apply(x, { training }) as tf.Tensor2D;
}

/** Logits [B, K] of embeddings (DeepNCM: against its current class means, without updating them). */
export function logitsOf(classifier: Classifier, embeddings: tf.Tensor2D): tf.Tensor2D {
  return classifier.head.apply(embeddings) as tf.Tensor2D;
}

/** The trainable variables of the whole classifier (what the optimizer updates). */
export function trainableVariables(classifier: Classifier): tf.Variable[] {
  return classifier.model.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** The trainable variables of one layer (the learnt prototypes of a LearntPrototypes head; none when fixed). */
export function layerVariables(layer: tfl.layers.Layer): tf.Variable[] {
  return layer.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** How the head scores an embedding against a prototype (for the prototypes file), or null for the dense head. */
export function headMetric(head: PrototypeLayer | null): string | null {
  if (head instanceof LearntPrototypes) return head.metric;
  if (head instanceof HypersphericalPrototypes) return head.score;
  if (head instanceof DeepNCM) return 'sqeuclidean';
  return null;
}

/** The prototypes [K, d] of a prototype head now (DeepNCM: its running class means), or null for the dense head. */
export async function readPrototypes(head: PrototypeLayer | null): Promise<number[][] | null> {
  if (head === null) return null;
  if (head instanceof DeepNCM) {
    const { prototypes, counts } = head.getClassMeans();
    counts.dispose();
    try {
      return (await prototypes.array()) as number[][];
    } finally {
      prototypes.dispose();
    }
  }
  const prototypes = head.getPrototypes();
  try {
    return (await prototypes.array()) as number[][];
  } finally {
    prototypes.dispose();
  }
}

/** Frees every weight. The embedder shares its layers with `model`, so disposing `model` frees them all. */
export function disposeClassifier(classifier: Classifier): void {
  classifier.model.dispose();
}
