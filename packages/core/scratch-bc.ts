import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
const backend = process.env.BK ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
const [n, m] = [1000, 512];
const a = tf.randomNormal([n, m]);
const r = tf.randomNormal([n, 1]);
const row = tf.randomNormal([m]);
const row2 = tf.randomNormal([1, m]);
const fns: Record<string, () => tf.Tensor> = {
  'mul col-broadcast': () => tf.mul(a, r),
  'mul row [m]': () => tf.mul(a, row),
  'mul row [1,m]': () => tf.mul(a, row2),
  'mul same': () => tf.mul(a, a),
  'batched matmul': () => tf.reshape(tf.matMul(tf.reshape(r, [n, 1, 1]), tf.reshape(a, [n, 1, m])), [n, m]),
  'concat 3': () => tf.concat([a, r, r], 1),
  'transpose': () => tf.transpose(a),
  'sum axis1': () => tf.sum(a, 1),
  'ones-matmul colsum': () => tf.matMul(tf.ones([1, n]), a),
  'slice': () => tf.slice(a, [0, 0], [n, m - 1]),
};
const best: Record<string, number> = {};
for (let rep = 0; rep < 8; rep++) for (const [name, f] of Object.entries(fns)) {
  const t = performance.now(); tf.tidy(() => { f().dataSync(); }); best[name] = Math.min(best[name] ?? Infinity, performance.now() - t);
}
console.log(backend, Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(' | '));
