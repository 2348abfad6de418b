// A training step of the Figure-1 CNN runs on wasm and gives cpu's loss and gradients.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { figure1Cnn, prototypeLoss } from './testing/figure1-cnn';
import { maxAbs } from './testing/kernel-harness';
import { rng, uniform } from './testing/random';

const BATCH = 16;

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe('Figure-1 CNN training step, batch 16, 28×28', () => {
  it('gives the same loss and gradients on wasm as on cpu, and an optimizer step runs on wasm', async () => {
    await tf.setBackend('cpu');
    const next = rng(2024);
    const model = figure1Cnn(28, 3);
    const images = tf.tensor4d(uniform(next, BATCH * 28 * 28).map((v) => (v + 1) / 2), [BATCH, 28, 28, 1]);
    const labels = tf.tensor1d(Array.from({ length: BATCH }, (_, i) => i % 10), 'int32');
    const prototypes = tf.tensor2d(uniform(next, 20), [10, 2]);
    const initial = model.getWeights().map((w) => tf.clone(w));
    const trainable = model.trainableWeights.map((w) => w.read() as tf.Variable);

    async function gradients(backend: 'cpu' | 'wasm') {
      await tf.setBackend(backend);
      model.setWeights(initial); // also resets the batch-norm moving statistics
      const { value, grads } = tf.variableGrads(() => prototypeLoss(model, images, labels, prototypes), trainable);
      const out: Record<string, Float32Array> = { loss: value.dataSync() as Float32Array };
      for (const [name, g] of Object.entries(grads)) out[name] = g.dataSync() as Float32Array;
      tf.dispose([value, ...Object.values(grads)]);
      return out;
    }

    const cpu = await gradients('cpu');
    const wasm = await gradients('wasm');
    expect(Object.keys(wasm).length).toBe(1 + trainable.length);
    for (const name of Object.keys(cpu)) {
      if (/conv2d.*\/bias$/.test(name)) {
        // A bias followed by batch norm has gradient 0 in exact arithmetic: both backends give rounding noise only
        // (about 1e-6 of the layer's kernel gradient), which no relative comparison can match.
        const scale = maxAbs(cpu[name.replace(/bias$/, 'kernel')]);
        expect(maxAbs(wasm[name])).toBeLessThan(1e-5 * scale);
        expect(maxAbs(cpu[name])).toBeLessThan(1e-5 * scale);
      } else {
        expectClose(wasm[name], cpu[name], { rtol: 1e-4, atol: 1e-4 * Math.max(maxAbs(cpu[name]), 1e-3) });
      }
    }

    // A full optimizer step on wasm changes every trainable weight and leaves no tensor behind.
    const optimizer = tf.train.sgd(0.05);
    const before = trainable.map((v) => v.dataSync().slice());
    const tensorsBefore = tf.memory().numTensors;
    const loss = optimizer.minimize(() => prototypeLoss(model, images, labels, prototypes), true) as tf.Scalar;
    expect(loss.dataSync()[0]).toBeCloseTo(cpu.loss[0], 4);
    loss.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    trainable.forEach((v, i) => expect(maxAbs(v.dataSync().map((x, j) => x - before[i][j]))).toBeGreaterThan(0));

    optimizer.dispose();
    tf.dispose([images, labels, prototypes, ...initial]);
    model.dispose();
  });
});
