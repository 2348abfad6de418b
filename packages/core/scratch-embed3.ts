import * as tf from '@tensorflow/tfjs';
import { createRng, distortionLoss, scaleFreeDistortion } from '@mgp/metrics';
import { readFileSync } from 'node:fs';
await tf.setBackend('cpu');
const D0 = JSON.parse(readFileSync('../../tooling/test-utils/data/mnist-digits-hierarchy.json', 'utf8')).distance_visual_leaves as number[][];
const K = D0.length;
let c = 0; D0.forEach((r, i) => r.forEach((v, j) => { if (i !== j) c += v; })); c /= K * K - K;
const Dn = tf.tensor2d(D0.map((r) => r.map((v) => v / c)));
function run(lr: number, initScale: number, seed: number, steps = 1000) {
  const rng = createRng(seed);
  const P = tf.variable(tf.tensor2d(Array.from({ length: K * 2 }, () => rng.next() * initScale), [K, 2]));
  const optimizer = tf.train.momentum(lr, 0.9);
  for (let s = 0; s < steps; s++) optimizer.minimize(() => tf.add(distortionLoss(P as tf.Tensor2D, Dn, { scaleFree: false }), tf.mul(1e-4 / 2, tf.sum(tf.square(P)))) as tf.Scalar);
  const v = scaleFreeDistortion(P as tf.Tensor2D, Dn).dataSync()[0];
  tf.dispose([P]); optimizer.dispose();
  return v.toFixed(3);
}
for (const [lr, is] of [[0.36, 0.19], [1, 1], [0.3, 1], [3, 1]]) console.log(lr, is, [1, 2, 3, 4].map((s) => run(lr, is, s)).join(' '));
