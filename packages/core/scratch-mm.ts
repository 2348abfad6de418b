import * as tf from '@tensorflow/tfjs';
const B = 256, d = 512, K = Number(process.env.K ?? 1000);
await tf.setBackend('cpu');
const x = tf.randomNormal([B, d]); const P = tf.randomNormal([K, d]); const W = tf.randomNormal([d, K]); const G = tf.randomNormal([B, K]);
const xa = tf.randomNormal([B, d + 2]); const Pa = tf.randomNormal([K, d + 2]);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const fns: Record<string, () => tf.Tensor> = {
  'NN x·W': () => tf.matMul(x, W),
  'NT x·Pᵀ': () => tf.matMul(x, P, false, true),
  'NT xa·Paᵀ': () => tf.matMul(xa, Pa, false, true),
  'NN G·P': () => tf.matMul(G, P),
  'NT G·Wᵀ': () => tf.matMul(G, W, false, true),
  'TN xᵀ·G': () => tf.matMul(x, G, true, false),
  'TN Gᵀ·x': () => tf.matMul(G, x, true, false),
  'NN T(G)·x': () => tf.matMul(tf.transpose(G), x),
};
const all: Record<string, number[]> = {};
for (let r = 0; r < Number(process.env.R ?? 7); r++) for (const [n, f] of Object.entries(fns)) { const c = cpuMs(); tf.tidy(() => { f().dataSync(); }); (all[n] ??= []).push(cpuMs() - c); }
console.log(`K=${K}`, Object.entries(all).map(([k, v]) => { v.sort((a, b) => a - b); return `${k} min ${v[0].toFixed(0)} med ${v[v.length >> 1].toFixed(0)}`; }).join(' | '));
