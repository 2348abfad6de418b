// save → load → identical logits, through tfjs's own serialization (model.save / tf.loadLayersModel), in memory.
import type * as tfNamespace from '@tensorflow/tfjs';
import { meansAndCounts, newDeepNCM } from './golden/deepncm';
import { prototypeModel, trainStep } from './models';
import { read } from './numbers';
import { overCases, quantity } from './quantities';
import type { ContractCheck, Tf } from './types';

async function roundTrip(tf: Tf, model: tfNamespace.LayersModel): Promise<tfNamespace.LayersModel> {
  let saved: tfNamespace.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  // Through JSON text, as a file or localStorage would carry the topology.
  const topology = JSON.parse(JSON.stringify(saved!.modelTopology)) as object;
  return tf.loadLayersModel(tf.io.fromMemory({ ...saved!, modelTopology: topology }));
}

export const saveLoadPrototypesCheck: ContractCheck = {
  name: 'save-load/learnt-prototypes',
  uses: '@mgp/core LearntPrototypes, metricGuidedRegularizer (serialization)',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const k = g.inputs.prototypes.length;
      const model = prototypeModel(tf, g);
      const x = tf.tensor2d(g.inputs.embeddings);
      const y = tf.oneHot(tf.tensor1d(g.inputs.labels, 'int32'), k);
      let loaded: tfNamespace.LayersModel | undefined;
      try {
        await trainStep(model, x, y);
        const before = await read(tf, model.predict(x) as tfNamespace.Tensor);
        loaded = await roundTrip(tf, model);
        const after = await read(tf, loaded.predict(x) as tfNamespace.Tensor);
        // The regularizer must come back too: the next step's loss includes it.
        loaded.compile({ optimizer: tf.train.sgd(0.1), loss: tf.losses.softmaxCrossEntropy });
        const lossLoaded = await trainStep(loaded, x, y);
        const lossOriginal = await trainStep(model, x, y);
        return [
          quantity('logits', 'exact', after, before),
          quantity('next_step_loss_with_regularizer', 'exact', [lossLoaded], [lossOriginal]),
        ];
      } finally {
        tf.dispose([x, y]);
        model.dispose();
        loaded?.dispose();
      }
    }),
};

export const saveLoadDeepNcmCheck: ContractCheck = {
  name: 'save-load/deepncm',
  uses: '@mgp/core DeepNCM (serialization of means and counts)',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const [k, d] = [g.deepncm.initial_prototypes.length, g.deepncm.initial_prototypes[0].length];
      const { layer, model } = newDeepNCM(tf, g);
      let loaded: tfNamespace.LayersModel | undefined;
      const x = tf.tensor2d(g.inputs.embeddings);
      try {
        for (const batch of g.deepncm.batches) {
          const e = tf.tensor2d(batch.embeddings);
          layer.update(e, batch.labels);
          e.dispose();
        }
        const before = await read(tf, model.predict(x) as tfNamespace.Tensor);
        const state = await meansAndCounts(tf, layer, k, d);
        loaded = await roundTrip(tf, model);
        const after = await read(tf, loaded.predict(x) as tfNamespace.Tensor);
        const restored = await meansAndCounts(tf, loaded.layers[0] as typeof layer, k, d);
        return [
          quantity('logits', 'exact', after, before),
          quantity('means', 'exact', restored.means, state.means),
          quantity('counts', 'exact', restored.counts, state.counts),
        ];
      } finally {
        x.dispose();
        model.dispose();
        loaded?.dispose();
      }
    }),
};
