import { it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { threeHeadModel, batch, softmaxLoss, logProbLoss } from '../src/support/models';
it.each(['cpu', 'wasm'])('speed %s', async (backend) => {
  await useTestBackend(backend);
  const { model } = threeHeadModel();
  model.compile({ optimizer: tf.train.sgd(0.05), loss: [softmaxLoss, softmaxLoss, logProbLoss] });
  const b = batch(6, 1);
  for (let i = 0; i < 20; i++) await model.trainOnBatch([b.x, b.y], [b.target, b.target, b.target]);
  let t = performance.now();
  for (let i = 0; i < 300; i++) await model.trainOnBatch([b.x, b.y], [b.target, b.target, b.target]);
  console.log(backend, 'trainOnBatch ms/step', (performance.now() - t) / 300);
  // functional: optimizer.minimize
  const opt = tf.train.sgd(0.05);
  t = performance.now();
  for (let i = 0; i < 300; i++) {
    tf.tidy(() => { opt.minimize(() => { const outs = model.apply([b.x, b.y], { training: true }) as tf.Tensor[]; return tf.addN([softmaxLoss(b.target, outs[0]), softmaxLoss(b.target, outs[1]), logProbLoss(b.target, outs[2])]) as tf.Scalar; }); });
  }
  console.log(backend, 'minimize ms/step', (performance.now() - t) / 300);
});
