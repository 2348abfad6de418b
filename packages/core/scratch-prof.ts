import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { prototypeLogits } from './src/logits/prototype-logits';
const backend = process.env.BK ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
const B = 256, d = 512, K = Number(process.env.K ?? 1000);
const metric = (process.env.M ?? 'euclidean') as 'euclidean';
const x = tf.variable(tf.randomNormal([B, d]));
const P = tf.variable(tf.randomNormal([K, d]));
const dense = tf.layers.dense({ units: K, inputShape: [d] });
dense.apply(tf.zeros([1, d]));
const target = tf.oneHot(tf.randomUniform([B], 0, K, 'int32'), K);
const loss = (logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(target, logits) as tf.Scalar;
for (const [name, f] of [
  ['dense', () => tf.variableGrads(() => loss(dense.apply(x) as tf.Tensor))],
  [metric, () => tf.variableGrads(() => loss(prototypeLogits(x, P, { metric })), [x, P])],
] as const) {
  const agg: Record<string, number> = {};
  for (let r = 0; r < 6; r++) {
    const info = await tf.profile(() => { const { value, grads } = f(); return [value, ...Object.values(grads)]; });
    if (r > 0) for (const k of info.kernels) { const key = `${k.name} ${JSON.stringify(k.inputShapes)}`; agg[key] = Math.min(agg[key] ?? Infinity, k.kernelTimeMs as number); }
  }
  const rows = Object.entries(agg).filter(([n]) => !n.startsWith('unnamed') && !n.startsWith('fusedMatMul__op'));
  console.log(`${name}: kernels ${rows.reduce((a, r) => a + r[1], 0).toFixed(0)}ms; matmul ${rows.filter(([n]) => /MatMul/.test(n)).reduce((a, r) => a + r[1], 0).toFixed(0)}`);
  for (const [n, t] of rows.filter((r) => r[1] > 0.5).sort((a, b) => b[1] - a[1])) console.log('   ', t.toFixed(1), n);
}
