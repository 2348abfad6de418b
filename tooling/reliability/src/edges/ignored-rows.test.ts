// A batch where nothing counts: every label is ignoreIndex (a segmentation crop of void pixels), or every
// present class has weight 0. The loss has nothing to average; it must not turn into NaN, whose gradient would
// poison every weight. hierarchicalCrossEntropy documents and returns 0 here; the others should agree.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { hierarchicalCrossEntropy } from '@mgp/hierarchy';
import { emdLoss, hypersphericalLoss, softLabelCrossEntropy } from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { valueAndGrads } from '../support/grad-check';
import { randomMatrix } from '../support/matrices';
import { D, TREE } from '../support/models';

beforeAll(async () => {
  await useTestBackend();
});

const VOID = 255;
const logits = randomMatrix(3, 6, 4);
const allVoid = [VOID, VOID, VOID];
const run = (f: (l: tf.Tensor) => tf.Tensor) => {
  const l = tf.tensor2d(logits);
  const out = valueAndGrads(f, [l]);
  l.dispose();
  return out;
};

describe('a batch where every row is ignored', () => {
  it.each([
    ['hierarchicalCrossEntropy', (l: tf.Tensor) => hierarchicalCrossEntropy(l as tf.Tensor2D, allVoid, TREE, { ignoreIndex: VOID })],
    ["hypersphericalLoss, reduction 'sum'", (l: tf.Tensor) => hypersphericalLoss(l, allVoid, { ignoreIndex: VOID })],
  ])('%s gives 0 and zero gradients', (_, f) => {
    const out = run(f);
    expect(out.nonFinite).toBeNull();
    expect(out.value).toEqual([0]);
  });

  it.each([
    ['emdLoss', 'no kept row', (l: tf.Tensor) => emdLoss(l, allVoid, D, { ignoreIndex: VOID })],
    ['softLabelCrossEntropy', 'no kept row', (l: tf.Tensor) => softLabelCrossEntropy(l, allVoid, D, { ignoreIndex: VOID })],
    ["hypersphericalLoss, reduction 'mean'", 'no kept row', (l: tf.Tensor) => hypersphericalLoss(l, allVoid, { ignoreIndex: VOID, reduction: 'mean' })],
    ['softLabelCrossEntropy with weight 0 on every present class', 'total weight 0', (l: tf.Tensor) => softLabelCrossEntropy(l, [0, 1, 0], D, { classWeights: [0, 0, 1, 1, 1, 1] })],
  ])('%s (%s, nothing to average) gives 0 and zero gradients', (_, __, f) => {
    const out = run(f);
    expect(out.nonFinite).toBeNull();
    expect(out.value).toEqual([0]);
    expect(out.grads.flat().every((g) => g === 0), 'zero gradients').toBe(true);
  });
});
