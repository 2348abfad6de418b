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
for (const [name, f] of [
  ['dense', () => tf.variableGrads(() => tf.sum(dense.apply(x) as tf.Tensor) as tf.Scalar)],
  [metric, () => tf.variableGrads(() => tf.sum(prototypeLogits(x, P, { metric })) as tf.Scalar, [x, P])],
] as const) {
  for (let r = 0; r < 2; r++) {
    const t0 = performance.now();
    const info = await tf.profile(() => { const { value, grads } = f(); return [value, ...Object.values(grads)]; });
    const wall = performance.now() - t0;
    if (r === 1) {
      const rows = info.kernels.map((k) => [k.name, k.kernelTimeMs as number, JSON.stringify(k.inputShapes)] as const);
      const tot = rows.reduce((a, r) => a + r[1], 0);
      console.log(`${name}: wall ${wall.toFixed(0)}ms, kernels ${tot.toFixed(0)}ms`);
      for (const r of rows.filter((r) => r[1] > 1)) console.log('   ', r[0], r[1].toFixed(1), r[2]);
    }
  }
}
