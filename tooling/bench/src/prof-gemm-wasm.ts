import * as tf from '@tensorflow/tfjs';
import { useBackend } from '@mgp/backend-wasm';
import { hostMatMul } from '../../../packages/metrics/src/simd/gemm-kernels';
await useBackend();
const K = 1000, d = 128, R = 200;
const P = tf.randomNormal([K, d], 0, 1, 'float32', 1) as tf.Tensor2D;
const Pt = tf.transpose(P) as tf.Tensor2D;
const W = tf.randomUniform([K, K], -1, 1, 'float32', 3) as tf.Tensor2D;
const Wv = W.dataSync() as Float32Array;
const starts = [0, 200, 400, 600, 800];
const blocks = starts.map((s) => tf.slice(P, [s, 0], [R, d]) as tf.Tensor2D);
const tr = blocks.map((b) => tf.transpose(b) as tf.Tensor2D);
const cases: Record<string, () => void> = {
  ref: () => tf.tidy(() => { tf.matMul(P, Pt).dataSync(); }),
  tfjsProducts: () => tf.tidy(() => { for (let a = 0; a < 5; a++) for (let b = a; b < 5; b++) tf.matMul(blocks[a], tr[b]).dataSync(); tf.matMul(W, P).dataSync(); }),
  gemmProducts: () => {
    const pv = P.dataSync() as Float32Array;
    for (let a = 0; a < 5; a++) for (let b = a; b < 5; b++) hostMatMul({ values: pv.subarray(starts[a] * d, (starts[a] + R) * d), shape: [R, d] }, { values: pv.subarray(starts[b] * d, (starts[b] + R) * d), shape: [R, d] }, { transposeB: true });
    hostMatMul({ values: Wv, shape: [K, K] }, { values: pv, shape: [K, d] });
  },
  gemmWP: () => { hostMatMul({ values: Wv, shape: [K, K] }, { values: P.dataSync() as Float32Array, shape: [K, d] }); },
  tfjsWP: () => tf.tidy(() => { tf.matMul(W, P).dataSync(); }),
};
const acc: Record<string, number[]> = {};
for (let r = 0; r < 30; r++) for (const [n, f] of Object.entries(cases)) { const t0 = performance.now(); f(); (acc[n] ??= []).push(performance.now() - t0); }
for (const [n, v] of Object.entries(acc)) { v.sort((a, b) => a - b); console.log(n.padEnd(14), v[15].toFixed(2)); }
