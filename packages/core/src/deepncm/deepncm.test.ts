import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { MgpInputError } from '@mgp/metrics';
import { expectClose, expectNoTensorLeak, goldenCases, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { prototypeLogits } from '../logits/prototype-logits';
import { expectInputError, randomMatrix, saveAndLoad, formatGoldenErrors, goldenError } from '../test-support';
import { DeepNCM } from './deepncm';
import { deepNcmUpdate } from './update';

beforeAll(async () => {
  await useTestBackend();
});

const goldenErrors: Record<string, { abs: number; rel: number }> = {};

describe.each(goldenCases)('DeepNCM on %s', (name, golden) => {
  const { initial_prototypes: initial, batches, steps } = golden.deepncm;
  const K = initial.length;

  it('deepNcmUpdate reproduces deepncm.steps (prototypes, counts, logits) batch after batch', () => {
    let prototypes = tf.tensor2d(initial);
    let counts = tf.zeros([K]) as tf.Tensor1D;
    batches.forEach((batch, t) => {
      const x = tf.tensor2d(batch.embeddings);
      const next = deepNcmUpdate(prototypes, counts, x, batch.labels);
      tf.dispose([prototypes, counts]);
      ({ prototypes, counts } = next);
      const logits = tf.tidy(() => prototypeLogits(x, prototypes, { metric: 'sqeuclidean' }).arraySync());
      const p = prototypes.arraySync();
      goldenErrors[`${name} step ${t} prototypes`] = goldenError(p, steps[t].prototypes);
      goldenErrors[`${name} step ${t} logits`] = goldenError(logits, steps[t].logits);
      expectClose(p, steps[t].prototypes);
      expect(Array.from(counts.dataSync())).toEqual(steps[t].counts);
      expectClose(logits, steps[t].logits);
      x.dispose();
    });
    tf.dispose([prototypes, counts]);
  });

  it('the layer, called on [embeddings, labels] in training, gives the same steps', () => {
    const layer = new DeepNCM({ numClasses: K, initialPrototypes: initial });
    batches.forEach((batch, t) => {
      const logits = tf.tidy(() => {
        const out = layer.apply([tf.tensor2d(batch.embeddings), tf.tensor1d(batch.labels)], { training: true }) as tf.Tensor;
        return out.arraySync();
      });
      expectClose(logits, steps[t].logits);
      const { prototypes, counts } = layer.getClassMeans();
      expectClose(prototypes.arraySync(), steps[t].prototypes);
      expect(Array.from(counts.dataSync())).toEqual(steps[t].counts);
      tf.dispose([prototypes, counts]);
    });
    // Outside training it only scores.
    const before = layer.getClassMeans();
    tf.tidy(() => {
      layer.apply([tf.tensor2d(batches[0].embeddings), tf.tensor1d(batches[0].labels)]);
    });
    const after = layer.getClassMeans();
    expect(after.prototypes.arraySync()).toEqual(before.prototypes.arraySync());
    tf.dispose([before.prototypes, before.counts, after.prototypes, after.counts]);
    layer.dispose();
  });
});

describe('DeepNCM', () => {
  const K = 4;
  function ncmModel(): { model: tfl.LayersModel; head: DeepNCM } {
    const x = tfl.input({ shape: [5] });
    const y = tfl.input({ shape: [1] });
    const embeddings = tfl.layers.dense({ units: 3, activation: 'tanh' }).apply(x) as tfl.SymbolicTensor;
    const head = new DeepNCM({ numClasses: K });
    const logits = head.apply([embeddings, y]) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: [x, y], outputs: logits });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred) });
    return { model, head };
  }

  it('updates its means in model.fit, and saves and loads them with their counts', async () => {
    const { model, head } = ncmModel();
    const x = tf.tensor2d(randomMatrix(8, 5, 1));
    const labels = [0, 1, 2, 0, 1, 2, 0, 1]; // class 3 never seen
    const y = tf.tensor2d(labels, [8, 1]);
    const target = tf.oneHot(tf.tensor1d(labels, 'int32'), K);
    await model.fit([x, y], target, { epochs: 3, batchSize: 4, shuffle: false, verbose: 0 });
    const { prototypes, counts } = head.getClassMeans();
    // 2 batches × 3 epochs; each batch of 4 holds classes 0, 1, 2.
    expect(Array.from(counts.dataSync())).toEqual([6, 6, 6, 0]);
    const loaded = await saveAndLoad(model);
    const loadedHead = loaded.layers.find((l) => l instanceof DeepNCM) as DeepNCM;
    const again = loadedHead.getClassMeans();
    expect(again.prototypes.arraySync()).toEqual(prototypes.arraySync());
    expect(Array.from(again.counts.dataSync())).toEqual(Array.from(counts.dataSync()));
    const [a, b] = tf.tidy(() => [(model.predict([x, y]) as tf.Tensor).arraySync(), (loaded.predict([x, y]) as tf.Tensor).arraySync()]);
    expect(b).toEqual(a);
    tf.dispose([x, y, target, prototypes, counts, again.prototypes, again.counts]);
    model.dispose();
    loaded.dispose();
  });

  it('leaves tf.memory().numTensors unchanged over training steps', async () => {
    const { model } = ncmModel();
    const x = tf.tensor2d(randomMatrix(8, 5, 2));
    const labels = [0, 1, 2, 3, 0, 1, 2, 3];
    const y = tf.tensor2d(labels, [8, 1]);
    const target = tf.oneHot(tf.tensor1d(labels, 'int32'), K);
    await model.trainOnBatch([x, y], target);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await model.trainOnBatch([x, y], target);
    expect(tf.memory().numTensors - before).toBe(0);
    tf.dispose([x, y, target]);
    model.dispose();
  });

  it('takes NHWC embeddings with [B, H, W] labels, as one pixel per sample', () => {
    const layer = new DeepNCM({ numClasses: 3, initialPrototypes: [[0, 0], [1, 1], [2, 2]] });
    const e = randomMatrix(2 * 2 * 2, 2, 3);
    const labels = [0, 1, 1, 0, 2, 2, 0, 1];
    const [nhwc, flat] = tf.tidy(() => {
      const out = layer.apply([tf.tensor4d(e.flat(), [2, 2, 2, 2]), tf.tensor3d(labels, [2, 2, 2])], { training: true }) as tf.Tensor;
      const shape = out.shape;
      return [shape, layer.getClassMeans().prototypes.arraySync()];
    });
    expect(nhwc).toEqual([2, 2, 2, 3]);
    const mean = (c: number) => [0, 1].map((j) => e.filter((_, i) => labels[i] === c).reduce((a, r) => a + r[j], 0) / labels.filter((y) => y === c).length);
    expectClose(flat, [mean(0), mean(1), mean(2)]);
    layer.dispose();
  });

  it('update and logits leave no tensors behind', async () => {
    const layer = new DeepNCM({ numClasses: 3 });
    const x = tf.tensor2d(randomMatrix(6, 4, 4));
    tf.dispose(layer.apply(x) as tf.Tensor);
    await expectNoTensorLeak(() => layer.update(x, [0, 1, 2, 0, 1, 2]));
    await expectNoTensorLeak(() => layer.logits(x));
    x.dispose();
    layer.dispose();
  });

  it('refuses bad input before any change: labels out of range, wrong shapes, wrong d', () => {
    const layer = new DeepNCM({ numClasses: 3 });
    const x = tf.tensor2d(randomMatrix(4, 2, 5));
    tf.dispose(layer.apply(x) as tf.Tensor);
    const before = layer.getClassMeans();
    expectInputError(() => layer.update(x, [0, 1, 3, 0]), 'labels', MgpInputError);
    expectInputError(() => layer.update(x, [0, 1, 0.5, 0]), 'labels', MgpInputError);
    expectInputError(() => layer.update(x, [0, 1]), 'labels', MgpInputError);
    const wide = tf.ones([4, 3]);
    expectInputError(() => layer.update(wide, [0, 1, 2, 0]), 'embeddings', MgpInputError);
    const after = layer.getClassMeans();
    expect(after.prototypes.arraySync()).toEqual(before.prototypes.arraySync());
    expect(Array.from(after.counts.dataSync())).toEqual([0, 0, 0]);
    tf.dispose([x, wide, before.prototypes, before.counts, after.prototypes, after.counts]);
    layer.dispose();
  });

  it.each([
    ['numClasses 0', () => new DeepNCM({ numClasses: 0 }), 'numClasses'],
    ['initialPrototypes with the wrong K', () => new DeepNCM({ numClasses: 3, initialPrototypes: [[1, 2]] }), 'initialPrototypes'],
    ['embeddings of rank 3', () => new DeepNCM({ numClasses: 3 }).apply(tfl.input({ shape: [2, 2] })), 'embeddings'],
    ['deepNcmUpdate: counts of the wrong size', () => deepNcmUpdate(tf.zeros([3, 2]), tf.zeros([2]), tf.zeros([1, 2]), [0]), 'counts'],
  ])('%s → MgpInputError', (_, call, arg) => expectInputError(() => tf.tidy(() => { call(); }), arg, MgpInputError));
});

describe('golden max errors', () => {
  it('reports', () => {
    console.log('deepncm max relative errors', `\n${formatGoldenErrors(goldenErrors)}`);
  });
});
