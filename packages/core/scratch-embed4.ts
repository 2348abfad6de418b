import * as tf from '@tensorflow/tfjs';
import { createRng, distortionLoss, scaleFreeDistortion } from '@mgp/metrics';
import { readFileSync } from 'node:fs';
await tf.setBackend('cpu');
const D0 = JSON.parse(readFileSync('../../tooling/test-utils/data/mnist-digits-hierarchy.json', 'utf8')).distance_visual_leaves as number[][];
const K = D0.length;
let c = 0; D0.forEach((r, i) => r.forEach((v, j) => { if (i !== j) c += v; })); c /= K * K - K;
const Dn = tf.tensor2d(D0.map((r) => r.map((v) => v / c)));
function sgd(P: tf.Variable, steps: number, lr: number) {
  const vel = tf.variable(tf.zerosLike(P), false);
  for (let s = 0; s < steps; s++) tf.tidy(() => {
    const { grads } = tf.variableGrads(() => distortionLoss(P as tf.Tensor2D, Dn, { scaleFree: false }), [P]);
    vel.assign(tf.add(tf.mul(vel, 0.9), tf.add(grads[P.name], tf.mul(P, 1e-4))));
    P.assign(tf.sub(P, tf.mul(vel, lr)));
  });
  vel.dispose();
}
function pca(P: tf.Tensor2D, dim: number): tf.Tensor2D {
  return tf.tidy(() => {
    const X = tf.sub(P, tf.mean(P, 0));
    const C = tf.matMul(X, X, true, false);
    // eigen via power iteration on small C
    const n = C.shape[0]; const Cv = C.arraySync() as number[][];
    const vecs: number[][] = [];
    for (let k = 0; k < dim; k++) {
      let v = Array.from({ length: n }, (_, i) => (i === k ? 1 : 0.1));
      for (let it = 0; it < 300; it++) {
        let w = Cv.map((r) => r.reduce((a, b, j) => a + b * v[j], 0));
        for (const u of vecs) { const d = w.reduce((a, b, j) => a + b * u[j], 0); w = w.map((x, j) => x - d * u[j]); }
        const nm = Math.hypot(...w) || 1; v = w.map((x) => x / nm);
      }
      vecs.push(v);
    }
    return tf.matMul(X, tf.tensor2d(vecs).transpose()) as tf.Tensor2D;
  });
}
const res: string[] = [];
for (const seed of [1, 2, 3, 4, 5, 6]) {
  const rng = createRng(seed);
  const hi = 4;
  const P = tf.variable(tf.tensor2d(Array.from({ length: K * hi }, () => rng.next()), [K, hi]));
  sgd(P, 500, 1);
  const P2 = tf.variable(pca(P as tf.Tensor2D, 2));
  sgd(P2, 500, 1);
  res.push(scaleFreeDistortion(P2 as tf.Tensor2D, Dn).dataSync()[0].toFixed(4));
  tf.dispose([P, P2]);
}
console.log('anneal 4→2', res.join(' '));
