import * as tf from '@tensorflow/tfjs';
import { createRng, distortionLoss, rankLoss, scaleFreeDistortion } from '@mgp/metrics';
import { readFileSync } from 'node:fs';
await tf.setBackend('cpu');
const D = JSON.parse(readFileSync('../../tooling/test-utils/data/mnist-digits-hierarchy.json', 'utf8')).distance_visual_leaves as number[][];
const K = D.length;
function mds(dim: number, jitter: number, seed: number): number[] {
  // B = -1/2 J D² J
  const n = K; const D2 = D.map((r) => r.map((v) => v * v));
  const rowM = D2.map((r) => r.reduce((a, b) => a + b, 0) / n); const all = rowM.reduce((a, b) => a + b, 0) / n;
  const B = D2.map((r, i) => r.map((v, j) => -0.5 * (v - rowM[i] - rowM[j] + all)));
  const rng = createRng(seed);
  const vecs: number[][] = []; const vals: number[] = [];
  for (let c = 0; c < dim; c++) {
    let v = Array.from({ length: n }, () => rng.next() - 0.5);
    let lambda = 0;
    for (let it = 0; it < 500; it++) {
      let w = B.map((r) => r.reduce((a, b, j) => a + b * v[j], 0));
      for (let p = 0; p < c; p++) { const dot = w.reduce((a, b, j) => a + b * vecs[p][j], 0); w = w.map((x, j) => x - dot * vecs[p][j]); }
      const norm = Math.hypot(...w); lambda = norm; v = w.map((x) => x / norm);
    }
    vecs.push(v); vals.push(lambda);
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) out.push(vecs[c][i] * Math.sqrt(Math.max(vals[c], 0)) + jitter * (rng.next() - 0.5));
  return out;
}
function run(loss: 'distortion' | 'rank', init: number[], seed: number, steps = 1000) {
  const P = tf.variable(tf.tensor2d(init, [K, 2]));
  const trip = createRng(seed + 1000);
  const optimizer = tf.train.momentum(loss === 'rank' ? 10 : 10, 0.9);
  for (let s = 0; s < steps; s++) {
    const c = optimizer.minimize(() => {
      const l = loss === 'distortion' ? distortionLoss(P as tf.Tensor2D, D, { scaleFree: false }) : rankLoss(P as tf.Tensor2D, D, { numTriplets: 1000, seed: trip });
      return tf.add(l, tf.mul(1e-4 / 2, tf.sum(tf.square(P)))) as tf.Scalar;
    });
  }
  const sfd = scaleFreeDistortion(P as tf.Tensor2D, D);
  const v = sfd.dataSync()[0];
  tf.dispose([P, sfd]); optimizer.dispose();
  return v.toFixed(3);
}
const t0 = performance.now();
const m0 = mds(2, 0, 1);
const P0 = tf.tensor2d(m0, [K, 2]); console.log('mds alone', scaleFreeDistortion(P0, D).dataSync()[0].toFixed(3));
console.log('mds+dist', [1, 2, 3].map((s) => run('distortion', mds(2, 0.3, s), s)).join(' '));
console.log('mds+rank', [1, 2, 3].map((s) => run('rank', mds(2, 0.3, s), s)).join(' '));
console.log('ms', performance.now() - t0);
