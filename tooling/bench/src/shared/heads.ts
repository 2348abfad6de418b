// The heads compared in the prototype-head benchmark: @mgp's prototype head, tf.layers.dense of the same shape,
// and the seed's broadcast form ([B, K, d] subtract-square-sum), written here only as a reference.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { optionalExport } from './optional';
import { layerVariables, randomVariable } from './step';

export type HeadMetric = 'euclidean' | 'cosine';

export interface Head {
  logits(x: tf.Tensor2D): tf.Tensor2D;
  variables: tf.Variable[];
  /** Which API computed the logits. */
  api: string;
  dispose(): void;
}

type PrototypeLogits = (x: tf.Tensor2D, p: tf.Tensor2D, o: { metric: HeadMetric }) => tf.Tensor2D;
type LearntPrototypesClass = new (args: { numPrototypes: number; metric: HeadMetric }) => tfl.layers.Layer;

/**
 * @mgp/core's prototype head with K learnt prototypes: the LearntPrototypes layer where @mgp/core exports it,
 * else prototypeLogits against a [K, d] variable (what the layer computes).
 */
export async function prototypeHead(k: number, d: number, metric: HeadMetric): Promise<Head> {
  const layerClass = await optionalExport<LearntPrototypesClass>('@mgp/core', () => import('@mgp/core'), 'LearntPrototypes');
  if (layerClass.ok) {
    const layer = new layerClass.value({ numPrototypes: k, metric });
    tf.tidy(() => {
      layer.apply(tf.zeros([1, d])); // builds the prototypes
    });
    return { logits: (x) => layer.apply(x) as tf.Tensor2D, variables: layerVariables(layer), api: 'LearntPrototypes', dispose: () => layer.dispose() };
  }
  const found = await optionalExport<PrototypeLogits>('@mgp/core', () => import('@mgp/core'), 'prototypeLogits');
  if (!found.ok) throw new Error(found.reason);
  const logitsOf = found.value;
  const p = randomVariable([k, d], 7);
  return {
    logits: (x) => logitsOf(x, p as tf.Tensor2D, { metric }),
    variables: [p],
    api: 'prototypeLogits',
    dispose: () => p.dispose(),
  };
}

/** Which API `prototypeHead` uses, for the report. */
export async function prototypeHeadApi(): Promise<string> {
  const layerClass = await optionalExport<LearntPrototypesClass>('@mgp/core', () => import('@mgp/core'), 'LearntPrototypes');
  return layerClass.ok ? 'LearntPrototypes layer' : `prototypeLogits against a [K, d] variable (${layerClass.reason})`;
}

/** tf.layers.dense with K units on d inputs (kernel and bias). */
export function denseHead(k: number, d: number): Head {
  const layer = tfl.layers.dense({ units: k, inputShape: [d], useBias: true });
  tf.tidy(() => {
    layer.apply(tf.zeros([1, d])); // builds the weights
  });
  return {
    logits: (x) => layer.apply(x) as tf.Tensor2D,
    variables: layerVariables(layer),
    api: 'tf.layers.dense',
    dispose: () => layer.dispose(),
  };
}

/** The seed's form: a [B, K, d] difference (or product) tensor reduced over d. Reference only. */
export function broadcastHead(k: number, d: number, metric: HeadMetric): Head {
  const p = randomVariable([k, d], 7);
  const logits = (x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const xb = tf.expandDims(x, 1); // [B, 1, d]
      const pb = tf.expandDims(p as tf.Tensor2D, 0); // [1, K, d]
      if (metric === 'euclidean') return tf.neg(tf.sqrt(tf.sum(tf.square(tf.sub(xb, pb)), -1))) as tf.Tensor2D;
      const xn = tf.div(xb, tf.norm(xb, 'euclidean', -1, true));
      const pn = tf.div(pb, tf.norm(pb, 'euclidean', -1, true));
      return tf.sub(tf.sum(tf.mul(xn, pn), -1), 1) as tf.Tensor2D;
    });
  return { logits, variables: [p], api: 'broadcast [B, K, d]', dispose: () => p.dispose() };
}
