import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from '/work/main/apps/cli/src/backend';
import { Backbone } from '/work/main/apps/cli/src/model/backbone';
import { DenseHead } from '/work/main/apps/cli/src/model/dense-head';
const name = (process.argv[2] ?? 'wasm') as 'wasm' | 'cpu';
const b = await startBackend(name);
console.log(b.description);
const backbone = new Backbone(2, 28, 0);
const head = new DenseHead(2, 10, 1);
const opt = tf.train.momentum(0.1, 0.9);
const x = tf.randomNormal([256, 28, 28, 1]) as tf.Tensor4D;
const y = tf.tensor1d(Array.from({length: 256}, (_, i) => i % 10), 'int32');
const vars = [...backbone.variables(), ...head.variables()];
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const cost = opt.minimize(() => tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(y, 10), head.apply(backbone.embed(x, true))) as tf.Scalar), true, vars);
  const l = cost!.dataSync()[0]; cost!.dispose();
  console.log(i, l.toFixed(4), ((performance.now() - t0)/1000).toFixed(3), 's', tf.memory().numTensors);
}
const t0 = performance.now();
tf.tidy(() => { const e = backbone.embed(x, false); head.apply(e).dataSync(); });
console.log('predict 256', ((performance.now() - t0)/1000).toFixed(3));
