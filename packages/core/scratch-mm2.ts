import * as tf from '@tensorflow/tfjs';
const B = 256, d = 512;
await tf.setBackend('cpu');
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const K of (process.env.KS ?? '100,1000').split(',').map(Number)) {
  const x = tf.randomNormal([B, d + 2]); const P = tf.randomNormal([K, d + 2]); const W = tf.randomNormal([B, K]); const X = tf.randomNormal([B, d]); const P0 = tf.randomNormal([K, d]);
  const fns: Record<string, () => tf.Tensor> = {
    'fwd NT(xa,Pa)': () => tf.matMul(x, P, false, true),
    'fwd NN(xa,T(Pa))': () => tf.matMul(x, tf.transpose(P)),
    'fwd T(NT(Pa,xa))': () => tf.transpose(tf.matMul(P, x, false, true)),
    'gx NN(W,P)': () => tf.matMul(W, P0),
    'gx T(TT(P,W))': () => tf.transpose(tf.matMul(P0, W, true, true)),
    'gp TN(W,X)': () => tf.matMul(W, X, true, false),
    'gp NN(T(W),X)': () => tf.matMul(tf.transpose(W), X),
    'gp T(TN(X,W))': () => tf.transpose(tf.matMul(X, W, true, false)),
  };
  const all: Record<string, number[]> = {};
  for (let r = 0; r < 7; r++) for (const [n, f] of Object.entries(fns)) { const c = cpuMs(); tf.tidy(() => { f().dataSync(); }); (all[n] ??= []).push(cpuMs() - c); }
  console.log(`K=${K}`, Object.entries(all).map(([k, v]) => { v.sort((a, b) => a - b); return `${k} ${v[0].toFixed(0)}/${v[3].toFixed(0)}`; }).join(' | '));
  tf.dispose([x, P, W, X, P0]);
}
