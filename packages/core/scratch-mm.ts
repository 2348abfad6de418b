import * as tf from '@tensorflow/tfjs';
const B = 256, d = 512, K = Number(process.env.K ?? 1000);
await tf.setBackend('cpu');
const x = tf.randomNormal([B, d]); const P = tf.randomNormal([K, d]); const W = tf.randomNormal([d, K]); const G = tf.randomNormal([B, K]);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const fns: Record<string, () => tf.Tensor> = {
  'fwd NN x·W (dense)': () => tf.matMul(x, W),
  'fwd NT x·Pᵀ (ours)': () => tf.matMul(x, P, false, true),
  'gx NT G·Wᵀ (dense)': () => tf.matMul(G, W, false, true),
  'gx NN G·P (ours)': () => tf.matMul(G, P),
  'gw TN xᵀ·G (dense)': () => tf.matMul(x, G, true, false),
  'gp TN Gᵀ·x (ours)': () => tf.matMul(G, x, true, false),
  'gp T(xᵀ·G)': () => tf.transpose(tf.matMul(x, G, true, false)),
  'gp T(G)·x': () => tf.matMul(tf.transpose(G), x),
};
const best: Record<string, number> = {};
for (let r = 0; r < 5; r++) for (const [n, f] of Object.entries(fns)) { const c = cpuMs(); tf.tidy(() => { f().dataSync(); }); best[n] = Math.min(best[n] ?? Infinity, cpuMs() - c); }
console.log(`K=${K}`, Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
