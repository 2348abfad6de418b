// Downloads of a trained model: tfjs's model.json + weights (as model.save('downloads://...')) and the prototypes as
// JSON. The model's head is one of @mgp/core's layers, so the download loads wherever @mgp/core is imported.
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { LearntPrototypes, MetricGuidedRegularizer } from '@mgp/core';

export interface PrototypesFile {
  format: 'mgp-playground-prototypes';
  method: string;
  metric: string | null;
  classNames: string[];
  costMatrix: number[][];
  step: number;
  /** [K, d]: prototype c of class classNames[c]. */
  prototypes: number[][];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The saved artifacts with the weight of every metric-guided regularizer set to `weight` (a copy; the input is not
 * changed). The page's λ slider acts on a running training, while a layer keeps the regularizer it was built with:
 * this makes the download record the λ in effect at the end of the run.
 */
export function withGuidanceWeight(artifacts: tf.io.ModelArtifacts, weight: number): tf.io.ModelArtifacts {
  const topology = JSON.parse(JSON.stringify(artifacts.modelTopology)) as Json;
  const config = isObject(topology.model_config) ? topology.model_config.config : topology.config;
  const layers = isObject(config) && Array.isArray(config.layers) ? config.layers : [];
  for (const layer of layers) {
    if (!isObject(layer) || layer.class_name !== LearntPrototypes.className || !isObject(layer.config)) continue;
    const regularizer = layer.config.prototypes_regularizer;
    if (isObject(regularizer) && regularizer.class_name === MetricGuidedRegularizer.className && isObject(regularizer.config)) {
      regularizer.config.weight = weight;
    }
  }
  return { ...artifacts, modelTopology: topology };
}

/**
 * Saves `<name>.json` and `<name>.weights.bin` through the browser's downloads; with `guidance`, the saved
 * regularizer carries its weight (the λ in effect now).
 */
export async function downloadModel(model: tfl.LayersModel, name: string, guidance: MetricGuidedRegularizer | null): Promise<void> {
  // tfjs's own 'downloads://' handler, given the (possibly updated) artifacts.
  const [downloads] = tf.io.getSaveHandlers(`downloads://${name}`);
  if (!downloads?.save) throw new Error('this browser offers no downloads to save the model to');
  const save = downloads.save.bind(downloads);
  await model.save(tf.io.withSaveHandler((artifacts) => save(guidance ? withGuidanceWeight(artifacts, guidance.weight) : artifacts)));
}

export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(value, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
