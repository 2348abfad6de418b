import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { useTestBackend } from '@mgp/test-utils';
import { it } from 'vitest';
import { prototypeLogits } from './logits/prototype-logits';

it('bench', async () => {
  console.log('backend', await useTestBackend());
  const B = 256, d = 512;
  const Ks = (process.env.KS ?? '100,1000').split(',').map(Number);
  for (const K of Ks) {
    const x = tf.variable(tf.randomNormal([B, d]));
    const P = tf.variable(tf.randomNormal([K, d]));
    const dense = tfl.layers.dense({ units: K, inputShape: [d] });
    dense.build([null, d]);
    const time = async (f: () => void, reps: number) => {
      f(); f();
      const ts: number[] = [];
      for (let i = 0; i < reps; i++) { const t = performance.now(); f(); ts.push(performance.now() - t); }
      ts.sort((a, b) => a - b);
      return ts[Math.floor(reps / 2)];
    };
    const reps = K >= 10000 ? 3 : 7;
    const tDense = await time(() => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => tf.sum(dense.apply(x) as tf.Tensor) as tf.Scalar); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); }), reps);
    const res: string[] = [`K=${K} dense ${tDense.toFixed(1)}ms`];
    for (const metric of ['euclidean', 'cosine', 'sqeuclidean'] as const) {
      const t = await time(() => tf.tidy(() => { const { value, grads } = tf.variableGrads(() => tf.sum(prototypeLogits(x, P, { metric })) as tf.Scalar, [x, P]); value.dataSync(); Object.values(grads).forEach((g) => g.dataSync()); }), reps);
      res.push(`${metric} ${t.toFixed(1)}ms (${(t / tDense).toFixed(2)})`);
    }
    const tmm = await time(() => tf.tidy(() => { tf.matMul(x, P, false, true).dataSync(); }), reps);
    res.push(`fwd matmul ${tmm.toFixed(1)}ms`);
    console.log(res.join(' | '));
    tf.dispose([x, P]); dense.dispose();
  }
});
