// Loads a downloaded model back (model.json + its weights file) and compares its predictions with the page's model.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, MetricGuidedRegularizer } from '@mgp/core';

/**
 * The classes of @mgp/core a downloaded model may hold beside tfjs-layers' own. Importing @mgp/core registers them
 * with tfjs, so the page (or any program that imports @mgp/core) loads such a model; the page registers none of its
 * own.
 */
export const CORE_CLASS_NAMES: readonly string[] = [LearntPrototypes, HypersphericalPrototypes, DeepNCM, MetricGuidedRegularizer].map((c) => c.className);

export interface Comparison {
  count: number;
  /** Rows whose argmax agrees. */
  sameArgmax: number;
  /** max |logit(reloaded) − logit(page)| over all rows and classes. */
  maxAbsDiff: number;
}

/** The model.json file first, then its weight files (tf.io.browserFiles wants that order). */
export function orderModelFiles(files: readonly File[]): File[] {
  const json = files.filter((f) => f.name.endsWith('.json'));
  if (json.length !== 1) throw new Error(`choose one model .json file and its .weights.bin file(s); got ${json.length} .json file(s)`);
  const weights = files.filter((f) => !f.name.endsWith('.json'));
  if (weights.length === 0) throw new Error(`choose the weights file(s) (.weights.bin) with ${json[0].name}`);
  return [json[0], ...weights];
}

export async function loadModelFiles(files: readonly File[]): Promise<tfl.LayersModel> {
  return tfl.loadLayersModel(tf.io.browserFiles(orderModelFiles(files)));
}

/** Logits of both models on the same inputs, compared. */
export async function comparePredictions(reloaded: tfl.LayersModel, reference: tfl.LayersModel, x: tf.Tensor): Promise<Comparison> {
  const result = tf.tidy(() => {
    const a = reloaded.predict(x) as tf.Tensor2D;
    const b = reference.predict(x) as tf.Tensor2D;
    const same = tf.sum(tf.cast(tf.equal(tf.argMax(a, 1), tf.argMax(b, 1)), 'int32'));
    const diff = tf.max(tf.abs(tf.sub(a, b)));
    return tf.stack([tf.cast(same, 'float32'), diff]);
  });
  const [sameArgmax, maxAbsDiff] = await result.data();
  result.dispose();
  return { count: x.shape[0], sameArgmax, maxAbsDiff };
}
