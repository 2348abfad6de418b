import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { MgpInputError, createRng, rankLoss } from '@mgp/metrics';
import { expectClose, expectNoTensorLeak, goldenCases, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInputError, formatGoldenErrors, goldenError } from '../test-support';
import { kernelMemoryBytes, releaseKernelMemory } from '../index';
import { MetricGuidedRegularizer, metricGuidedRegularizer } from './metric-guided-regularizer';

beforeAll(async () => {
  await useTestBackend();
});

const goldenErrors: Record<string, { abs: number; rel: number }> = {};

describe.each(goldenCases)('metricGuidedRegularizer on %s', (name, golden) => {
  const D = golden.tree.distance_path;
  const P = golden.inputs.prototypes;

  it('applies λ·distortion_loss.scale_free, and its gradient is λ·grad_scale_free', () => {
    const weight = 0.5;
    const reg = metricGuidedRegularizer(D, { weight });
    const { value, grads } = tf.tidy(() => {
      const p = tf.tensor2d(P);
      const g = tf.valueAndGrad((q: tf.Tensor) => reg.apply(q))(p);
      return { value: g.value.dataSync()[0], grads: g.grad.arraySync() as number[][] };
    });
    goldenErrors[`${name} distortion_loss.scale_free`] = goldenError([value / weight], [golden.distortion_loss.scale_free]);
    goldenErrors[`${name} distortion_loss.grad_scale_free`] = goldenError(
      grads.map((r) => r.map((v) => v / weight)),
      golden.distortion_loss.grad_scale_free,
    );
    expectClose([value], [weight * golden.distortion_loss.scale_free]);
    expectClose(grads, golden.distortion_loss.grad_scale_free.map((r) => r.map((v) => weight * v)));
  });

  it('applies the plain and the cosine distortion losses', () => {
    const plain = tf.tidy(() => metricGuidedRegularizer(D, { scaleFree: false }).apply(tf.tensor2d(P)).dataSync()[0]);
    const cosine = tf.tidy(() => metricGuidedRegularizer(D, { metric: 'cosine' }).apply(tf.tensor2d(P)).dataSync()[0]);
    expectClose([plain], [golden.distortion_loss.plain]);
    expectClose([cosine], [golden.distortion_loss.scale_free_cosine]);
  });

  it('applies λ·rankLoss on triplets drawn from one generator seeded once', () => {
    const reg = metricGuidedRegularizer(D, { kind: 'rank', weight: 2, numTriplets: 64, seed: 11 });
    const rng = createRng(11);
    for (let call = 0; call < 3; call++) {
      const [got, want] = tf.tidy(() => {
        const p = tf.tensor2d(P);
        return [reg.apply(p).dataSync()[0], rankLoss(p, D, { numTriplets: 64, seed: rng }).dataSync()[0] * 2];
      });
      expectClose([got], [want], { rtol: 1e-6 });
    }
  });
});

describe('MetricGuidedRegularizer', () => {
  const D = goldenCases[0][1].tree.distance_path;

  it('is a tfjs Regularizer: tfjs-layers layers accept it as their weight regularizer', () => {
    const model = tfl.sequential();
    model.add(tfl.layers.embedding({ inputDim: D.length, outputDim: 2, inputLength: 1, embeddingsRegularizer: metricGuidedRegularizer(D) }));
    // tfjs-layers' getRegularizer accepted it as a Regularizer instance (else it would have tried to deserialize it).
    expect(model.layers[0].losses.length).toBe(1);
    const value = tf.tidy(() => (model.layers[0].losses[0] as () => tf.Scalar)().dataSync()[0]);
    expect(Number.isFinite(value) && value > 0).toBe(true);
    model.dispose();
  });

  it('round-trips through its config (D, weight and options)', () => {
    const reg = metricGuidedRegularizer(D, { kind: 'distortion', weight: 0.3, scaleFree: false, metric: 'cosine', pairs: 20, seed: 4 });
    const config = JSON.parse(JSON.stringify(reg.getConfig()));
    const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap[MetricGuidedRegularizer.className];
    const back = fromConfig(cls, config) as MetricGuidedRegularizer;
    expect(back).toBeInstanceOf(MetricGuidedRegularizer);
    expect(back.costMatrix()).toEqual(D);
    expect([back.kind, back.weight, back.scaleFree, back.metric, back.pairs, back.seed]).toEqual(['distortion', 0.3, false, 'cosine', 20, 4]);
  });

  it('works in a custom training loop: lowers the distortion of free prototypes, no tensors left behind', () => {
    const reg = metricGuidedRegularizer(D, { weight: 1 });
    const prototypes = tf.variable(tf.randomUniform([D.length, 2], 0, 1, 'float32', 3));
    const optimizer = tf.train.adam(0.05);
    const first = tf.tidy(() => reg.apply(prototypes).dataSync()[0]);
    optimizer.minimize(() => reg.apply(prototypes)); // warm-up: the optimizer's slots
    const before = tf.memory().numTensors;
    for (let step = 0; step < 100; step++) optimizer.minimize(() => reg.apply(prototypes));
    expect(tf.memory().numTensors).toBe(before);
    const last = tf.tidy(() => reg.apply(prototypes).dataSync()[0]);
    expect(last).toBeLessThan(first / 2);
    optimizer.dispose();
    prototypes.dispose();
  });

  it('gives back, through @mgp/core, the kernel memory its loss keeps at 64 classes and more', () => {
    const k = 96;
    const tree = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 0 : i >> 4 === j >> 4 ? 2 : 4)));
    const p = tf.randomNormal([k, 3], 0, 1, 'float32', 5);
    const gradientOnce = () => tf.tidy(() => Array.from(tf.grad((q: tf.Tensor) => metricGuidedRegularizer(tree).apply(q))(p).dataSync()));
    const before = gradientOnce();
    expect(kernelMemoryBytes()).toBeGreaterThan(4 * k * k);
    expect(releaseKernelMemory()).toBeGreaterThan(4 * k * k);
    expect(kernelMemoryBytes()).toBe(0);
    expect(gradientOnce()).toEqual(before);
    p.dispose();
  });

  it('leaves no tensors behind', async () => {
    const p = tf.randomNormal([D.length, 3]);
    for (const reg of [metricGuidedRegularizer(D), metricGuidedRegularizer(D, { kind: 'rank', numTriplets: 30 })]) {
      await expectNoTensorLeak(() => reg.apply(p));
      await expectNoTensorLeak(() => tf.dispose(tf.grad((q: tf.Tensor) => reg.apply(q))(p)));
    }
    p.dispose();
  });

  it.each([
    ['asymmetric D', () => metricGuidedRegularizer([[0, 1], [2, 0]]), 'D'],
    ['non-zero diagonal', () => metricGuidedRegularizer([[1, 1], [1, 0]]), 'D'],
    ['negative D', () => metricGuidedRegularizer([[0, -1], [-1, 0]]), 'D'],
    ['NaN in D', () => metricGuidedRegularizer([[0, Number.NaN], [Number.NaN, 0]]), 'D'],
    ['not square', () => metricGuidedRegularizer([[0, 1, 2], [1, 0, 3]]), 'D'],
    ['zero off the diagonal for the distortion', () => metricGuidedRegularizer([[0, 0], [0, 0]]), 'D'],
    ['rank loss on 2 classes', () => metricGuidedRegularizer([[0, 1], [1, 0]], { kind: 'rank' }), 'D'],
    ['unknown kind', () => metricGuidedRegularizer(D, { kind: 'triplet' as 'rank' }), 'kind'],
    ['negative weight', () => metricGuidedRegularizer(D, { weight: -1 }), 'weight'],
    ['unknown metric', () => metricGuidedRegularizer(D, { metric: 'sqeuclidean' as 'cosine' }), 'metric'],
    ['fractional numTriplets', () => metricGuidedRegularizer(D, { kind: 'rank', numTriplets: 1.5 }), 'numTriplets'],
  ])('%s → MgpInputError', (_, call, arg) => expectInputError(call, arg, MgpInputError));

  it('refuses prototypes whose count differs from D, before tensor work', () => {
    const p = tf.zeros([D.length + 1, 2]);
    expectInputError(() => metricGuidedRegularizer(D).apply(p), 'D', MgpInputError);
    p.dispose();
  });
});

describe('golden max errors', () => {
  it('reports', () => {
    console.log('regularizer max relative errors', `\n${formatGoldenErrors(goldenErrors)}`);
  });
});
