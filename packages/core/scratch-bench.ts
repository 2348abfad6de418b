import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { prototypeLogits } from './src/logits/prototype-logits';

const backend = process.env.BK ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
console.log('backend', tf.getBackend());
const B = 256, d = 512;
const Ks = (process.env.KS ?? '100,1000').split(',').map(Number);
for (const K of Ks) {
  const x = tf.variable(tf.randomNormal([B, d]));
  const P = tf.variable(tf.randomNormal([K, d]));
  const dense = tf.layers.dense({ units: K, inputShape: [d] });
  dense.apply(tf.zeros([1, d]));
  const time = (f: () => void, reps: number) => {
    f(); f();
    const ts: number[] = [];
    for (let i = 0; i < reps; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); }
    ts.sort((a, b) => a - b);
    return ts[Math.floor(reps / 2)];
  };
  const reps = K >= 10000 ? 3 : 9;
  const tDense = time(() => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => tf.sum(dense.apply(x) as tf.Tensor) as tf.Scalar); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); }), reps);
  const res: string[] = [`K=${K} dense ${tDense.toFixed(1)}ms`];
  for (const metric of ['euclidean', 'cosine', 'sqeuclidean'] as const) {
    const t = time(() => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => tf.sum(prototypeLogits(x, P, { metric })) as tf.Scalar, [x, P]); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); }), reps);
    res.push(`${metric} ${t.toFixed(1)}ms (${(t / tDense).toFixed(2)})`);
  }
  console.log(res.join(' | '));
  tf.dispose([x, P]);
}
