// One class and two classes. Where the input still means something the numbers stay finite; where it does not
// (a distortion or a separation needs two classes, a rank loss three), the error names the argument.
// Documented here: which inputs are meaningful at K = 1 and K = 2.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeepNCM, LearntPrototypes, embedMetric, embedOnSphere, metricGuidedRegularizer, prototypeLogits } from '@mgp/core';
import { HierarchicalSoftmax, Hierarchy, hierarchicalCrossEntropy, hierarchicalLogMarginals } from '@mgp/hierarchy';
import { MgpInputError, distortionLoss, errorRate, rankLoss, separationLoss, softLabelCrossEntropy, softLabels } from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { valueAndGrads } from '../support/grad-check';
import { runWatched } from '../support/tensor-work';

beforeAll(async () => {
  await useTestBackend();
});

const ONE_LEAF = Hierarchy.fromNested({ root: ['only'] });
const CHAIN = Hierarchy.fromNested({ root: [{ middle: ['only'] }] });
const TWO = Hierarchy.fromNested({ root: ['a', 'b'] });

async function expectRefused(call: () => unknown, argument: string): Promise<void> {
  const outcome = await runWatched(call);
  expect(outcome.error, 'an MgpInputError').toBeInstanceOf(MgpInputError);
  expect((outcome.error as Error).message).toContain(`'${argument}'`);
  expect(outcome.leftBehind, 'tensors left behind').toBe(0);
}

describe('one class (K = 1): meaningful for classifiers, finite everywhere', () => {
  it('prototype logits, LearntPrototypes and DeepNCM: cross-entropy 0, gradients finite (and 0)', () => {
    const x = tf.tensor2d([[0.3, -1], [2, 2]]);
    const target = tf.ones([2, 1]);
    for (const metric of ['euclidean', 'sqeuclidean', 'cosine', 'pseudoHuber', 'hyperspherical'] as const) {
      const out = valueAndGrads((a, p) => tf.losses.softmaxCrossEntropy(target, prototypeLogits(a as tf.Tensor2D, p as tf.Tensor2D, { metric })), [x, tf.tensor2d([[1, 1]])]);
      expect(out.nonFinite, metric).toBeNull();
      expect(out.value[0]).toBe(0);
    }
    const layer = new LearntPrototypes({ numPrototypes: 1 });
    const ncm = new DeepNCM({ numClasses: 1 });
    for (const head of [layer, ncm]) {
      const out = valueAndGrads((a) => tf.losses.softmaxCrossEntropy(target, head.apply(a) as tf.Tensor), [x]);
      expect(out.nonFinite).toBeNull();
    }
    tf.dispose([x, target]);
    layer.dispose();
    ncm.dispose();
  });

  it.each([
    ['a single leaf under the root', ONE_LEAF],
    ['a single leaf two levels down', CHAIN],
  ])('HXE, hierarchical softmax and marginals on %s: log-probability 0, finite gradients', (_, h) => {
    const logits = tf.tensor2d([[0.5], [-3]]);
    const hxe = valueAndGrads((l) => hierarchicalCrossEntropy(l as tf.Tensor2D, [0, 0], h, { alpha: 0.5, focalGamma: 2 }), [logits]);
    expect(hxe.nonFinite).toBeNull();
    expect(hxe.value[0]).toBeCloseTo(0, 6);
    const edges = tf.tensor2d([Array(h.numNodes - 1).fill(1.5)]);
    const marginals = valueAndGrads((e) => hierarchicalLogMarginals(e as tf.Tensor2D, h), [edges]);
    expect(marginals.nonFinite).toBeNull();
    expect(marginals.value.every((v) => Math.abs(v) < 1e-6)).toBe(true);
    const layer = new HierarchicalSoftmax({ hierarchy: h, output: 'leaves' });
    const out = tf.tidy(() => Array.from((layer.apply(edges) as tf.Tensor).dataSync()));
    expect(out).toEqual([0]);
    tf.dispose([logits, edges]);
  });

  it('soft labels, soft-label cross-entropy and the error rate of one class are finite', () => {
    tf.tidy(() => {
      expect(Array.from(softLabels([[0]], [0, 0]).dataSync())).toEqual([1, 1]);
      const out = valueAndGrads((l) => softLabelCrossEntropy(l, [0, 0], [[0]]), [tf.tensor2d([[1], [2]])]);
      expect(out.nonFinite).toBeNull();
      expect(errorRate(tf.tensor2d([[1], [2]]), [0, 0]).dataSync()[0]).toBe(0);
    });
  });

  it('what needs two classes refuses one, naming the argument, before any tensor work', async () => {
    const p = tf.tensor2d([[1, 2]]);
    await expectRefused(() => distortionLoss(p, [[0]]), 'points');
    await expectRefused(() => separationLoss(p), 'prototypes');
    await expectRefused(() => embedMetric([[0]], 2), 'D');
    await expectRefused(() => embedOnSphere(null, 2, { numClasses: 1 }), 'options.numClasses');
    p.dispose();
  });

  it('metricGuidedRegularizer refuses a 1×1 D at construction, naming D, instead of failing in the first training step', async () => {
    // K ≥ 2 is checked when the regularizer is made, so a one-prototype head never reaches model.fit (where
    // tfjs-layers' trainOnBatch would leave the failed step's tensors behind).
    await expectRefused(() => metricGuidedRegularizer([[0]]), 'D');
    await expectRefused(() => metricGuidedRegularizer([[0]], { kind: 'rank' }), 'D');
  });
});

describe('two classes (K = 2)', () => {
  it('prototype logits, the distortion regularizer, HXE and separation are finite', () => {
    const p = tf.tensor2d([[0, 1], [1, 0]]);
    const reg = valueAndGrads((q) => metricGuidedRegularizer([[0, 3], [3, 0]], { weight: 1 }).apply(q), [p]);
    expect(reg.nonFinite).toBeNull();
    expect(valueAndGrads((q) => separationLoss(q as tf.Tensor2D), [p]).nonFinite).toBeNull();
    const hxe = valueAndGrads((l) => hierarchicalCrossEntropy(l as tf.Tensor2D, [0, 1, 1], TWO), [tf.tensor2d([[1, 2], [0, 0], [-5, 5]])]);
    expect(hxe.nonFinite).toBeNull();
    p.dispose();
  });

  it('the rank loss compares triplets of distinct classes: K = 2 is refused, naming the argument', async () => {
    const p = tf.tensor2d([[0, 1], [1, 0]]);
    await expectRefused(() => metricGuidedRegularizer([[0, 1], [1, 0]], { kind: 'rank' }), 'D');
    await expectRefused(() => rankLoss(p, [[0, 1], [1, 0]], { numTriplets: 4 }), 'points');
    await expectRefused(() => embedMetric([[0, 1], [1, 0]], 2, { loss: 'rank' }), 'D');
    await expectRefused(() => embedOnSphere([[0, 1], [1, 0]], 2), 'D');
    p.dispose();
  });
});
