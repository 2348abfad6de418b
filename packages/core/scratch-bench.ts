import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { LearntPrototypes } from './src/index';

const backend = process.env.BK ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
const B = 256, d = 512;
const Ks = (process.env.KS ?? '100,1000').split(',').map(Number);
const metrics = (process.env.MS ?? 'euclidean,cosine').split(',') as Array<'euclidean'>;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const K of Ks) {
  const x = tf.variable(tf.randomNormal([B, d]));
  const target = tf.oneHot(tf.randomUniform([B], 0, K, 'int32'), K);
  const loss = (logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(target, logits) as tf.Scalar;
  const heads: Record<string, tf.layers.Layer> = { dense: tf.layers.dense({ units: K }) };
  for (const metric of metrics) heads[metric] = new LearntPrototypes({ numPrototypes: K, metric });
  const cases: Record<string, () => void> = {};
  for (const [name, layer] of Object.entries(heads)) {
    tf.dispose(layer.apply(x) as tf.Tensor);
    const vars = [x, ...layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val)];
    cases[name] = () => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => loss(layer.apply(x) as tf.Tensor), vars); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); });
  }
  for (const f of Object.values(cases)) f();
  const reps = Number(process.env.R ?? (K >= 10000 ? 3 : 9));
  const ratios: Record<string, number[]> = {}; const times: Record<string, number[]> = {};
  for (let r = 0; r < reps; r++) {
    const t: Record<string, number> = {};
    for (const [name, f] of Object.entries(cases)) { const c0 = cpuMs(); f(); t[name] = cpuMs() - c0; (times[name] ??= []).push(t[name]); }
    for (const m of metrics) (ratios[m] ??= []).push(t[m] / t.dense);
  }
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
  console.log(backend, `K=${K}`, `dense med ${med(times.dense).toFixed(0)}ms`, metrics.map((m) => `${m} med ${med(times[m]).toFixed(0)}ms, paired-ratio med ${med(ratios[m]).toFixed(2)} [${Math.min(...ratios[m]).toFixed(2)}–${Math.max(...ratios[m]).toFixed(2)}]`).join(' | '));
  tf.dispose([x, target]);
}
