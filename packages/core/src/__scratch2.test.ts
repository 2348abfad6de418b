import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { it } from 'vitest';

it('bench', async () => {
  console.log('backend', await useTestBackend());
  const B = 256, d = 512;
  const Ks = (process.env.KS ?? '100,1000').split(',').map(Number);
  for (const K of Ks) {
    const x = tf.randomNormal([B, d]);
    const xT = tf.transpose(x);
    const P = tf.randomNormal([K, d]);
    const W = tf.randomNormal([d, K]);
    const G = tf.randomNormal([B, K]);
    const GT = tf.transpose(G);
    const time = (f: () => tf.Tensor, reps = 5) => {
      tf.tidy(() => f().dataSync());
      const ts: number[] = [];
      for (let i = 0; i < reps; i++) { const t = performance.now(); tf.tidy(() => f().dataSync()); ts.push(performance.now() - t); }
      ts.sort((a, b) => a - b);
      return ts[Math.floor(reps / 2)].toFixed(1);
    };
    console.log(`K=${K}`, JSON.stringify({
      'x·W NN': time(() => tf.matMul(x, W)),
      'x·Pᵀ NT': time(() => tf.matMul(x, P, false, true)),
      'G·P NN': time(() => tf.matMul(G, P)),
      'G·Wᵀ NT': time(() => tf.matMul(G, W, false, true)),
      'Gᵀ·x TN': time(() => tf.matMul(G, x, true, false)),
      'xᵀ·G TN': time(() => tf.matMul(x, G, true, false)),
      'GT·x NN': time(() => tf.matMul(GT, x)),
      'xT·G NN': time(() => tf.matMul(xT, G)),
      'transpose G': time(() => tf.transpose(G)),
      'elementwise mul G': time(() => tf.mul(G, G)),
      'sum G axis0': time(() => tf.sum(G, 0)),
      'sum G axis1': time(() => tf.sum(G, 1)),
    }));
    tf.dispose([x, P, W, G, GT, xT]);
  }
});
