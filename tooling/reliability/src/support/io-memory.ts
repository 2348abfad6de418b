// Saving a model into memory through tfjs IO and loading it back, with the artifacts passed through JSON text
// (as they would be written to a file) so nothing survives that a real file would lose.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** The model as tfjs IO saves it: model.json's content and the weights as one buffer. */
export async function saveToMemory(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts || artifacts.weightData === undefined) throw new Error('tfjs saved no artifacts');
  return {
    ...artifacts,
    modelTopology: JSON.parse(JSON.stringify(artifacts.modelTopology)),
    weightSpecs: JSON.parse(JSON.stringify(artifacts.weightSpecs)),
    weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData).slice(0),
  };
}

export function loadFromMemory(artifacts: tf.io.ModelArtifacts): Promise<tfl.LayersModel> {
  return tfl.loadLayersModel(tf.io.fromMemory(artifacts));
}

export async function roundTripInMemory(model: tfl.LayersModel): Promise<tfl.LayersModel> {
  return loadFromMemory(await saveToMemory(model));
}
