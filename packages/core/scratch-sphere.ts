import * as tf from '@tensorflow/tfjs';
import { separationLoss, rankLoss } from '@mgp/metrics';
import { embedOnSphere } from './src/embed/embed-on-sphere';
import { readFileSync } from 'node:fs';
await tf.setBackend('cpu');
const visual = JSON.parse(readFileSync('../../tooling/test-utils/data/mnist-digits-hierarchy.json', 'utf8')).distance_visual_leaves as number[][];
for (const [dim, lr, steps, rw] of [[4, 0.1, 1000, 1], [4, 1, 1000, 1], [3, 0.1, 1000, 1], [4, 0.1, 1000, 5]]) {
  const p = embedOnSphere(visual, dim, { seed: 2, steps, learningRate: lr, rankWeight: rw }).arraySync() as number[][];
  const cos = (i: number, j: number) => p[i].reduce((a, v, c) => a + v * p[j][c], 0);
  const meanCos = (cost: number) => { const v: number[] = []; visual.forEach((row, i) => row.forEach((x, j) => i < j && x === cost && v.push(cos(i, j)))); return (v.reduce((a, b) => a + b, 0) / v.length).toFixed(3); };
  const P = tf.tensor2d(p);
  console.log(dim, lr, steps, rw, 'cos@2,4,6', meanCos(2), meanCos(4), meanCos(6), 'sep', separationLoss(P).dataSync()[0].toFixed(3), 'rank', rankLoss(P, visual, { numTriplets: 2000, seed: 1 }, { metric: 'cosine' }).dataSync()[0].toFixed(3));
}
const q = embedOnSphere(null, 3, { numClasses: 6, seed: 1, steps: 1000 });
console.log('oct sep', separationLoss(q).dataSync()[0]);
