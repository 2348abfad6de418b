import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { prototypeLogits } from './src/logits/prototype-logits';

const backend = process.env.BK ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
const B = 256, d = 512;
const Ks = (process.env.KS ?? '100,1000').split(',').map(Number);
const metrics = (process.env.MS ?? 'euclidean,cosine').split(',') as Array<'euclidean'>;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const K of Ks) {
  const x = tf.variable(tf.randomNormal([B, d]));
  const P = tf.variable(tf.randomNormal([K, d]));
  const dense = tf.layers.dense({ units: K, inputShape: [d] });
  dense.apply(tf.zeros([1, d]));
  const target = tf.oneHot(tf.randomUniform([B], 0, K, 'int32'), K);
  const loss = (logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(target, logits) as tf.Scalar;
  const cases: Record<string, () => void> = {
    dense: () => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => loss(dense.apply(x) as tf.Tensor), [x, ...dense.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val)]); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); }),
  };
  for (const metric of metrics) cases[metric] = () => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => loss(prototypeLogits(x, P, { metric })), [x, P]); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); });
  const reps = K >= 10000 ? 3 : 6;
  const best: Record<string, { wall: number; cpu: number }> = {};
  for (const f of Object.values(cases)) f();
  for (let r = 0; r < reps; r++) for (const [name, f] of Object.entries(cases)) {
    const w0 = performance.now(); const c0 = cpuMs(); f(); const cpu = cpuMs() - c0; const wall = performance.now() - w0;
    best[name] = { wall: Math.min(best[name]?.wall ?? Infinity, wall), cpu: Math.min(best[name]?.cpu ?? Infinity, cpu) };
  }
  const ref = best.dense;
  console.log(backend, `K=${K}`, Object.entries(best).map(([k, v]) => `${k} cpu ${v.cpu.toFixed(0)}ms (${(v.cpu / ref.cpu).toFixed(2)}) wall ${v.wall.toFixed(0)}ms (${(v.wall / ref.wall).toFixed(2)})`).join(' | '));
  tf.dispose([x, P, target]);
}
