import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, MetricGuidedRegularizer } from '@mgp/core';
import { distortionLoss } from '@mgp/metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchSampler } from '../data/batches';
import { absoluteCost } from '../hierarchy/cost';
import { disposeClassifier } from '../model/classifier';
import { blobs } from '../testing/blobs';
import { useCpuBackend } from '../testing/node-backend';
import type { Snapshot } from './evaluate';
import { createMethod, type MethodId, type MethodSettings } from './methods';
import { train } from './trainer';

beforeAll(useCpuBackend);

const METHODS: MethodId[] = ['xe', 'free', 'guided', 'fixed', 'hyperspherical', 'deepncm'];

describe('training every method on separable blobs', () => {
  const dataset = blobs(4, 4, 24);
  const D = absoluteCost(4);

  it.each(METHODS)('%s: held-out error falls, and the run leaves no tensor behind once its model is disposed', async (id) => {
    const before = tf.memory().numTensors;
    const method = await createMethod(
      { method: id, guidance: 'distortion', lambda: 1, backbone: 'mlp', embeddingDim: 2, seed: 3 },
      { inputShape: dataset.inputShape, numClasses: 4, D },
    );
    const snapshots: Snapshot[] = [];
    const result = await train(method, dataset, D, { steps: 60, batchSize: 16, learningRate: 0.01, evalEvery: 20, seed: 5 }, {
      onSnapshot: (s) => snapshots.push(s),
      shouldStop: () => false,
    });
    expect(result.steps).toBe(60);
    expect(snapshots.map((s) => s.step)).toEqual([0, 20, 40, 60]);
    const first = snapshots[0];
    const last = snapshots[snapshots.length - 1];
    expect(last.errorRate).toBeLessThan(first.errorRate);
    expect(last.errorRate).toBeLessThan(0.25);
    expect(last.embeddings.length).toBe(dataset.heldOut.count * 2);
    expect(last.confusion.flat().reduce((a, b) => a + b, 0)).toBe(dataset.heldOut.count);
    if (id === 'xe') expect(last.prototypes).toBeNull();
    else expect(last.prototypes).toHaveLength(4);
    disposeClassifier(method.classifier);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when asked, at the step it was asked', async () => {
    const method = await createMethod(
      { method: 'guided', guidance: 'rank', lambda: 2, backbone: 'mlp', embeddingDim: 2, seed: 1 },
      { inputShape: dataset.inputShape, numClasses: 4, D },
    );
    let steps = 0;
    const result = await train(method, dataset, D, { steps: 1000, batchSize: 8, learningRate: 0.01, evalEvery: 100, seed: 1 }, {
      onSnapshot: () => {},
      onStep: (s) => (steps = s),
      shouldStop: () => steps >= 7,
    });
    expect(result).toMatchObject({ steps: 7, stopped: true });
    expect(result.last?.step).toBe(7);
    disposeClassifier(method.classifier);
  });

  it('fixed prototypes stay where D put them; free ones move', async () => {
    const positions = async (id: MethodId) => {
      const method = await createMethod(
        { method: id, guidance: 'distortion', lambda: 1, backbone: 'mlp', embeddingDim: 2, seed: 2 },
        { inputShape: dataset.inputShape, numClasses: 4, D },
      );
      const start = await method.prototypes();
      await train(method, dataset, D, { steps: 10, batchSize: 8, learningRate: 0.01, evalEvery: 10, seed: 1 }, { onSnapshot: () => {}, shouldStop: () => false });
      const end = await method.prototypes();
      disposeClassifier(method.classifier);
      return { start: start as number[][], end: end as number[][] };
    };
    const fixed = await positions('fixed');
    expect(fixed.end).toEqual(fixed.start);
    // The arrangement follows D = |i − j|: neighbours in D are nearer than classes 3 apart.
    const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    expect(dist(fixed.start[0], fixed.start[1])).toBeLessThan(dist(fixed.start[0], fixed.start[3]));
    const free = await positions('free');
    expect(free.end).not.toEqual(free.start);
  });
});

describe('the heads are @mgp/core’s', () => {
  const dataset = blobs(4, 4, 24);
  const D = absoluteCost(4);
  const settings = (method: MethodId, extra: Partial<MethodSettings> = {}): MethodSettings => ({
    method,
    guidance: 'distortion',
    lambda: 1,
    backbone: 'mlp',
    embeddingDim: 2,
    seed: 3,
    ...extra,
  });
  const context = { inputShape: dataset.inputShape, numClasses: 4, D };

  it.each([
    ['xe', 'Dense', false, tfl.layers.Layer],
    ['free', 'LearntPrototypes', true, LearntPrototypes],
    ['guided', 'LearntPrototypes', true, LearntPrototypes],
    ['fixed', 'LearntPrototypes', false, LearntPrototypes],
    ['hyperspherical', 'HypersphericalPrototypes', false, HypersphericalPrototypes],
    ['deepncm', 'DeepNCM', false, DeepNCM],
  ] as const)('%s: a %s head (prototypes learnt by gradients: %s)', async (id, className, learnt, cls) => {
    const method = await createMethod(settings(id), context);
    const head = method.classifier.head;
    expect(head).toBeInstanceOf(cls);
    expect(head.getClassName()).toBe(className);
    expect(method.classifier.prototypeHead === null).toBe(id === 'xe');
    expect(method.prototypeVariables.length).toBe(learnt ? 1 : 0);
    expect(method.guidance() !== null).toBe(id === 'guided');
    disposeClassifier(method.classifier);
  });

  it('guided: the loss is cross-entropy + λ·scale-free distortion of the prototypes (core’s regularizer), λ live', async () => {
    const method = await createMethod(settings('guided', { lambda: 0.7 }), context);
    const head = method.classifier.head as LearntPrototypes;
    expect(head.getPrototypesRegularizer()).toBe(method.guidance());
    const x = tf.tensor2d(dataset.train.x.subarray(0, 16 * 4), [16, 4]);
    const labels = dataset.train.labels.subarray(0, 16);
    const y = tf.tensor1d(labels, 'int32');
    // Independently: @mgp/metrics' losses on the model's logits and the head's prototypes.
    const expected = (lambda: number) =>
      tf.tidy(() => {
        const logits = method.classifier.model.predict(x) as tf.Tensor2D;
        const ce = tf.losses.softmaxCrossEntropy(tf.oneHot(y, 4), logits);
        return tf.add(ce, tf.mul(distortionLoss(head.getPrototypes(), D, { scaleFree: true }), lambda)).dataSync()[0];
      });
    const loss = () => tf.tidy(() => method.loss(x, y, Int32Array.from(labels)).dataSync()[0]);
    expect(loss()).toBeCloseTo(expected(0.7), 5);
    method.setLambda(2.5);
    expect(method.guidance()).toBeInstanceOf(MetricGuidedRegularizer);
    expect(method.guidance()?.weight).toBe(2.5);
    expect(loss()).toBeCloseTo(expected(2.5), 5);
    method.setLambda(-1);
    method.setLambda(Number.NaN);
    expect(method.guidance()?.weight).toBe(2.5);
    tf.dispose([x, y]);
    disposeClassifier(method.classifier);
  });

  it('guided with the rank loss on two classes: core’s MgpInputError, before any weight is made', async () => {
    const before = tf.memory().numTensors;
    const two = { inputShape: [4], numClasses: 2, D: absoluteCost(2) };
    await expect(createMethod(settings('guided', { guidance: 'rank' }), two)).rejects.toThrow(/MgpInputError|'D'/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('deepncm: each step folds its batch into core’s running class means once', async () => {
    const method = await createMethod(settings('deepncm'), context);
    const steps = 12;
    const batchSize = 8;
    await train(method, dataset, D, { steps, batchSize, learningRate: 0.01, evalEvery: steps, seed: 9 }, { onSnapshot: () => {}, shouldStop: () => false });
    // The batches the trainer drew: the same sampler and seed.
    const sampler = new BatchSampler(dataset.train.labels, batchSize, 9);
    const expected = [0, 0, 0, 0];
    for (let step = 0; step < steps; step++) new Set(sampler.next().labels).forEach((c) => (expected[c] += 1));
    const { prototypes, counts } = (method.classifier.head as DeepNCM).getClassMeans();
    expect(Array.from(counts.dataSync())).toEqual(expected);
    expect(await method.prototypes()).toEqual(prototypes.arraySync());
    tf.dispose([prototypes, counts]);
    disposeClassifier(method.classifier);
  });
});

describe('the figure-1 CNN', () => {
  it('trains a step on images and frees everything', async () => {
    const before = tf.memory().numTensors;
    const images = blobs(3, 28 * 28, 4);
    const dataset = { ...images, kind: 'images' as const, inputShape: [28, 28, 1] };
    const D = absoluteCost(3);
    const method = await createMethod(
      { method: 'guided', guidance: 'distortion', lambda: 1, backbone: 'cnn', embeddingDim: 2, seed: 0 },
      { inputShape: dataset.inputShape, numClasses: 3, D },
    );
    const result = await train(method, dataset, D, { steps: 2, batchSize: 4, learningRate: 0.01, evalEvery: 1, seed: 0 }, { onSnapshot: () => {}, shouldStop: () => false });
    expect(result.last?.embeddingDim).toBe(2);
    disposeClassifier(method.classifier);
    expect(tf.memory().numTensors).toBe(before);
  });
});
