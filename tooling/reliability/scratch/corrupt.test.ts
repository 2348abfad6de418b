import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs';
import { LearntPrototypes, metricGuidedRegularizer, DeepNCM } from '@mgp/core';
import { saveToMemory, loadFromMemory } from '../src/support/io-memory';

function model() {
  const m = tfl.sequential();
  m.add(tfl.layers.dense({ units: 3, inputShape: [4] }));
  m.add(new LearntPrototypes({ numPrototypes: 5, prototypesRegularizer: metricGuidedRegularizer([[0,1,2,2,2],[1,0,2,2,2],[2,2,0,1,1],[2,2,1,0,1],[2,2,1,1,0]], { weight: 0.5 }) }));
  return m;
}
async function attempt(name: string, f: () => Promise<tfl.LayersModel>) {
  const before = tf.memory().numTensors;
  try { const m = await f(); console.log(name, '=> LOADED', m.getWeights().map((w) => Array.from(w.dataSync()).slice(0, 3))); m.dispose(); }
  catch (e) { console.log(name, '=> ERR', (e as Error).name, (e as Error).message.slice(0, 300)); }
  console.log('   leftover tensors', tf.memory().numTensors - before);
}
it('probe', async () => {
  const m = model();
  const a = await saveToMemory(m);
  console.log(JSON.stringify(a.weightSpecs), (a.weightData as ArrayBuffer).byteLength);
  console.log(JSON.stringify(a.modelTopology).slice(0, 2000));
  const buf = a.weightData as ArrayBuffer;
  await attempt('ok', () => loadFromMemory(a));
  await attempt('truncated weights (half)', () => loadFromMemory({ ...a, weightData: buf.slice(0, buf.byteLength / 2) }));
  await attempt('truncated weights (-4)', () => loadFromMemory({ ...a, weightData: buf.slice(0, buf.byteLength - 4) }));
  await attempt('empty weights', () => loadFromMemory({ ...a, weightData: new ArrayBuffer(0) }));
  await attempt('extra bytes', () => loadFromMemory({ ...a, weightData: tf.io.concatenateArrayBuffers([buf, new ArrayBuffer(8)]) }));
  await attempt('missing spec (last)', () => loadFromMemory({ ...a, weightSpecs: a.weightSpecs!.slice(0, -1), weightData: buf.slice(0, buf.byteLength - 60) }));
  await attempt('missing spec (first)', () => loadFromMemory({ ...a, weightSpecs: a.weightSpecs!.slice(1), weightData: buf.slice(48) }));
  await attempt('spec shape wrong', () => loadFromMemory({ ...a, weightSpecs: a.weightSpecs!.map((s, i) => i === 2 ? { ...s, shape: [3, 5] } : s) }));
  await attempt('spec dtype int32', () => loadFromMemory({ ...a, weightSpecs: a.weightSpecs!.map((s, i) => i === 2 ? { ...s, dtype: 'int32' } : s) }));
  const nanBuf = buf.slice(0); new Float32Array(nanBuf).fill(NaN, 16, 20);
  await attempt('NaN bytes', () => loadFromMemory({ ...a, weightData: nanBuf }));
  const topo = JSON.parse(JSON.stringify(a.modelTopology));
  const cfg = (t: any) => t.config.layers[1].config;
  const withCfg = (f: (c: any) => void) => { const t = JSON.parse(JSON.stringify(topo)); f(cfg(t)); return { ...a, modelTopology: t }; };
  await attempt('metric bogus', () => loadFromMemory(withCfg((c) => (c.metric = 'bogus'))));
  await attempt('numPrototypes 4', () => loadFromMemory(withCfg((c) => (c.num_prototypes = 4))));
  await attempt('numPrototypes 6', () => loadFromMemory(withCfg((c) => (c.num_prototypes = 6))));
  await attempt('reg weight -1', () => loadFromMemory(withCfg((c) => (c.prototypes_regularizer.config.weight = -1))));
  await attempt('reg D asym', () => loadFromMemory(withCfg((c) => (c.prototypes_regularizer.config.cost_matrix[0][1] = 7))));
  await attempt('reg D missing', () => loadFromMemory(withCfg((c) => delete c.prototypes_regularizer.config.cost_matrix)));
  await attempt('reg className unknown', () => loadFromMemory(withCfg((c) => (c.prototypes_regularizer.class_name = 'Nope'))));
  await attempt('class unknown', () => { const t = JSON.parse(JSON.stringify(topo)); t.config.layers[1].class_name = 'LearntPrototypez'; return loadFromMemory({ ...a, modelTopology: t }); });
  await attempt('config dropped', () => { const t = JSON.parse(JSON.stringify(topo)); t.config.layers[1].config = {}; return loadFromMemory({ ...a, modelTopology: t }); });
  await attempt('topology truncated obj', () => loadFromMemory({ ...a, modelTopology: { model_config: { class_name: 'Sequential' } } }));
  await attempt('topology null', () => loadFromMemory({ ...a, modelTopology: null as any }));
});
