import * as tf from '@tensorflow/tfjs-core';
import { startBackend } from './backend';
import { Backbone } from './model/backbone';
import { DenseHead } from './model/dense-head';
await startBackend((process.argv[2] ?? 'wasm') as 'wasm');
const backbone = new Backbone(2, 28, 0);
const head = new DenseHead(2, 10, 1);
const opt = tf.train.momentum(0.1, 0.9);
const x = tf.randomNormal([256, 28, 28, 1]) as tf.Tensor4D;
const y = tf.tensor1d(Array.from({length: 256}, (_, i) => i % 10), 'int32');
const vars = [...backbone.variables(), ...head.variables()];
const step = () => { const c = opt.minimize(() => tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(y, 10), head.apply(backbone.embed(x, true))) as tf.Scalar), true, vars); c!.dataSync(); c!.dispose(); };
step(); step();
const info = await tf.profile(step);
const byName = new Map<string, {ms: number, n: number, shapes: Set<string>}>();
for (const k of info.kernels) {
  const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
  const e = byName.get(k.name) ?? {ms: 0, n: 0, shapes: new Set()};
  e.ms += ms; e.n++; e.shapes.add(JSON.stringify(k.inputShapes)); byName.set(k.name, e);
}
const total = [...byName.values()].reduce((a, b) => a + b.ms, 0);
console.log('total kernel ms', total.toFixed(0));
for (const [n, e] of [...byName.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(n.padEnd(28), e.ms.toFixed(1).padStart(8), e.n, [...e.shapes].slice(0,3).join(' '));
for (const k of info.kernels) if (['Tile','Conv2DBackpropInput','MaxPoolGrad','Conv2DBackpropFilter'].includes(k.name)) console.log(k.name, JSON.stringify(k.inputShapes), JSON.stringify(k.outputShapes), k.kernelTimeMs);
