import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { absoluteCost } from '../hierarchy/cost';
import { disposeClassifier } from '../model/classifier';
import { blobs } from '../testing/blobs';
import { useCpuBackend } from '../testing/node-backend';
import type { Snapshot } from './evaluate';
import { createMethod, type MethodId } from './methods';
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
