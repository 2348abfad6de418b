import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
const backend = process.env.BK ?? 'cpu';
await tf.setBackend(backend); await tf.ready();
const B = 256, d = 512;
const Ks = (process.env.KS ?? '100,1000').split(',').map(Number);
for (const K of Ks) {
  const x = tf.randomNormal([B, d]);
  const P = tf.randomNormal([K, d]);
  const W = tf.randomNormal([d, K]);
  const G = tf.randomNormal([B, K]);
  const fns: Record<string, () => tf.Tensor> = {
    'NN x·W': () => tf.matMul(x, W),
    'NT x·Pᵀ': () => tf.matMul(x, P, false, true),
    'NN G·P': () => tf.matMul(G, P),
    'NT G·Wᵀ': () => tf.matMul(G, W, false, true),
    'TN Gᵀ·x': () => tf.matMul(G, x, true, false),
    'T(G)': () => tf.transpose(G),
    'T(P)': () => tf.transpose(P),
    'T(G)·x NN': () => tf.matMul(tf.transpose(G), x),
    'x·T(P) NN': () => tf.matMul(x, tf.transpose(P)),
    'mul G': () => tf.mul(G, G),
    'sum G 0': () => tf.sum(G, 0),
  };
  const best: Record<string, number> = {};
  const reps = K >= 10000 ? 3 : 8;
  for (let r = 0; r < reps; r++) {
    for (const [name, f] of Object.entries(fns)) {
      const t = performance.now(); tf.tidy(() => { f().dataSync(); }); const dt = performance.now() - t;
      best[name] = Math.min(best[name] ?? Infinity, dt);
    }
  }
  console.log(backend, `K=${K}`, Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | '));
  tf.dispose([x, P, W, G]);
}
