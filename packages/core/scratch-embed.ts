import * as tf from '@tensorflow/tfjs';
import { createRng, distortionLoss, rankLoss, scaleFreeDistortion } from '@mgp/metrics';
import { readFileSync } from 'node:fs';
await tf.setBackend('cpu');
const D = JSON.parse(readFileSync('../../tooling/test-utils/data/mnist-digits-hierarchy.json', 'utf8')).distance_visual_leaves as number[][];
const K = D.length;
const all: number[][] = [];
for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) for (let k = 0; k < K; k++) if (i !== j && j !== k && i !== k) all.push([i, j, k]);
const allT = { i: Int32Array.from(all, (t) => t[0]), j: Int32Array.from(all, (t) => t[1]), k: Int32Array.from(all, (t) => t[2]) };
function run(loss: 'distortion' | 'rank', lr0: number, steps: number, seed: number, o: { decay: boolean; allTriplets?: boolean; scaleFree?: boolean; wd?: number }) {
  const rng = createRng(seed);
  const init = Array.from({ length: K * 2 }, () => rng.next());
  const P = tf.variable(tf.tensor2d(init, [K, 2]));
  const trip = createRng(seed + 1000);
  let lossV = 0;
  const optimizer = tf.train.momentum(lr0, 0.9);
  for (let s = 0; s < steps; s++) {
    if (o.decay) (optimizer as unknown as { learningRate: number }).learningRate = lr0 * 0.5 * (1 + Math.cos((Math.PI * s) / steps));
    const c = optimizer.minimize(() => {
      const l = loss === 'distortion' ? distortionLoss(P as tf.Tensor2D, D, { scaleFree: o.scaleFree ?? false }) : o.allTriplets ? rankLoss(P as tf.Tensor2D, D, { triplets: allT }) : rankLoss(P as tf.Tensor2D, D, { numTriplets: 1000, seed: trip });
      return tf.add(l, tf.mul((o.wd ?? 1e-4) / 2, tf.sum(tf.square(P)))) as tf.Scalar;
    }, true);
    if (s === steps - 1) lossV = c!.dataSync()[0];
    c?.dispose();
  }
  const sfd = scaleFreeDistortion(P as tf.Tensor2D, D);
  const v = sfd.dataSync()[0];
  tf.dispose([P, sfd]); optimizer.dispose();
  return `${v.toFixed(3)}(${lossV.toFixed(3)})`;
}
const cfgs: Array<[string, 'distortion' | 'rank', number, { decay: boolean; allTriplets?: boolean; scaleFree?: boolean; wd?: number }]> = [
  ['dist decay', 'distortion', 10, { decay: true }],
  ['dist sf decay', 'distortion', 10, { decay: true, scaleFree: true }],
  ['rank sampled', 'rank', 10, { decay: false }],
  ['rank sampled decay', 'rank', 10, { decay: true }],
  ['rank all', 'rank', 10, { decay: false, allTriplets: true }],
  ['rank all decay', 'rank', 10, { decay: true, allTriplets: true }],
];
for (const [name, loss, lr, o] of cfgs) {
  const r = [1, 2, 3, 4, 5].map((seed) => run(loss, lr, 1000, seed, o));
  console.log(name, r.join(' '));
}
