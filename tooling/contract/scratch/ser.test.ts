import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { LearntPrototypes, metricGuidedRegularizer } from './fake-core';
it('ser', async () => {
  const m = tf.sequential({ layers: [new LearntPrototypes({ inputShape: [2], numPrototypes: 2, metric: 'euclidean', prototypesRegularizer: metricGuidedRegularizer([[0, 1], [1, 0]], { kind: 'distortion', weight: 0.5 }) })] });
  let art: any;
  await m.save(tf.io.withSaveHandler(async (a) => { art = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }; }));
  console.log(JSON.stringify(art.modelTopology.config.layers[0].config));
  const orig = LearntPrototypes.prototype.build;
  LearntPrototypes.prototype.build = function (s) { console.log('LOAD ARGS', JSON.stringify((this as any).a.prototypesRegularizer)); return orig.call(this, s); };
  await tf.loadLayersModel(tf.io.fromMemory(art)).catch((e) => console.log(String(e)));
});
