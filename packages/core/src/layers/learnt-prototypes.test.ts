import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { MgpInputError, distortionLoss } from '@mgp/metrics';
import { expectClose, expectNoTensorOfShape, goldenCases, loadGolden, maxRelativeError, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOTYPE_METRICS, type PrototypeMetric } from '../logits/metric';
import { MetricGuidedRegularizer, metricGuidedRegularizer } from '../regularizer/metric-guided-regularizer';
import { expectInputError, randomMatrix, saveAndLoad } from '../test-support';
import { LearntPrototypes } from './learnt-prototypes';

beforeAll(async () => {
  await useTestBackend();
});

const GOLDEN_KEYS: Array<[PrototypeMetric, string, number | undefined]> = [
  ['euclidean', 'euclidean', undefined],
  ['sqeuclidean', 'sqeuclidean', undefined],
  ['cosine', 'cosine', undefined],
  ['hyperspherical', 'hyperspherical', undefined],
  ['pseudoHuber', 'pseudoHuber_delta_0.5', 0.5],
];

describe.each(goldenCases)('LearntPrototypes on %s', (name, golden) => {
  it.each(GOLDEN_KEYS)('gives prototype_logits.%s as a fixed-prototype head', (metric, key, delta) => {
    const layer = new LearntPrototypes({ initialPrototypes: golden.inputs.prototypes, trainable: false, metric, delta });
    const logits = tf.tidy(() => (layer.apply(tf.tensor2d(golden.inputs.embeddings)) as tf.Tensor).arraySync());
    const expected = golden.prototype_logits[key as keyof typeof golden.prototype_logits];
    expect(maxRelativeError(logits, expected), name).toBeLessThan(1e-3);
    expectClose(logits, expected, { rtol: 1e-4, atol: 1e-5 });
    layer.dispose();
  });
});

function backboneModel(head: LearntPrototypes, inputDim = 6, d = 4): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: d, inputShape: [inputDim], activation: 'tanh' }));
  model.add(head);
  return model;
}

describe('LearntPrototypes in a model', () => {
  const golden = loadGolden(1);
  const D = golden.tree.distance_path;
  const K = D.length;

  it('trains with model.fit, which adds λ·distortionLoss(prototypes) by itself', async () => {
    const weight = 0.7;
    const head = new LearntPrototypes({ numPrototypes: K, prototypesRegularizer: metricGuidedRegularizer(D, { weight }) });
    const model = backboneModel(head);
    // The head gives logits: cross-entropy on logits.
    model.compile({ optimizer: tf.train.sgd(0.01), loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred) });
    const x = tf.tensor2d(randomMatrix(12, 6, 5));
    const y = tf.oneHot(tf.tensor1d(Array.from({ length: 12 }, (_, i) => i % K), 'int32'), K);
    const [ce, reg] = tf.tidy(() => {
      const logits = model.predict(x) as tf.Tensor;
      const prototypes = head.getPrototypes();
      return [tf.losses.softmaxCrossEntropy(y, logits).dataSync()[0], tf.mul(distortionLoss(prototypes, D), weight).dataSync()[0]];
    });
    const history = await model.fit(x, y, { epochs: 1, batchSize: 12, verbose: 0 });
    const reported = history.history.loss[0] as number;
    expectClose([reported], [ce + reg], { rtol: 1e-4 });
    expect(reg).toBeGreaterThan(0.01); // the regularizer term is really in there
    tf.dispose([x, y]);
    model.dispose();
  });

  it('round-trips through save and load: same logits, regularizer D and weight restored', async () => {
    for (const metric of PROTOTYPE_METRICS) {
      const head = new LearntPrototypes({
        numPrototypes: K,
        metric,
        delta: 0.3,
        prototypesRegularizer: metricGuidedRegularizer(D, { weight: 0.25, kind: 'rank', numTriplets: 50, seed: 3 }),
      });
      const model = backboneModel(head);
      const loaded = await saveAndLoad(model);
      const x = tf.tensor2d(randomMatrix(5, 6, 9));
      const [a, b] = tf.tidy(() => [(model.predict(x) as tf.Tensor).arraySync(), (loaded.predict(x) as tf.Tensor).arraySync()]);
      expect(b).toEqual(a);
      const loadedHead = loaded.layers[1] as LearntPrototypes;
      expect(loadedHead).toBeInstanceOf(LearntPrototypes);
      expect(loadedHead.metric).toBe(metric);
      expect(loadedHead.delta).toBeCloseTo(0.3, 6);
      const reg = loadedHead.getPrototypesRegularizer();
      expect(reg).toBeInstanceOf(MetricGuidedRegularizer);
      const r = reg as MetricGuidedRegularizer;
      expect(r.costMatrix()).toEqual(D);
      expect([r.weight, r.kind, r.numTriplets, r.seed, r.metric]).toEqual([0.25, 'rank', 50, 3, 'euclidean']);
      x.dispose();
      model.dispose();
      loaded.dispose();
    }
  });

  it('keeps fixed prototypes fixed, through training and through save and load', async () => {
    const P = golden.inputs.prototypes;
    const head = new LearntPrototypes({ initialPrototypes: P, trainable: false, prototypesRegularizer: metricGuidedRegularizer(D) });
    const model = backboneModel(head, 6, P[0].length);
    const loaded = await saveAndLoad(model);
    const loadedHead = loaded.layers[1] as LearntPrototypes;
    expect(loadedHead.trainable).toBe(false);
    for (const m of [model, loaded]) {
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor2d(randomMatrix(8, 6, 2));
      const y = tf.zeros([8, K]);
      await m.fit(x, y, { epochs: 2, verbose: 0 });
      const p = (m.layers[1] as LearntPrototypes).getPrototypes();
      expectClose(p.arraySync(), P, { rtol: 1e-6, atol: 1e-6 });
      tf.dispose([x, y, p]);
    }
    model.dispose();
    loaded.dispose();
  });

  it('uses a given initializer, and stores it in its config', async () => {
    const head = new LearntPrototypes({ numPrototypes: 3, prototypesInitializer: tfl.initializers.constant({ value: 0.5 }) });
    const model = backboneModel(head, 6, 2);
    const p = head.getPrototypes();
    expect(Array.from(p.dataSync())).toEqual(Array(6).fill(0.5));
    const config = head.getConfig();
    expect(config.prototypesInitializer).toEqual({ className: 'Constant', config: { value: 0.5 } });
    const loaded = await saveAndLoad(model);
    const q = (loaded.layers[1] as LearntPrototypes).getPrototypes();
    expect(Array.from(q.dataSync())).toEqual(Array(6).fill(0.5));
    tf.dispose([p, q]);
    model.dispose();
    loaded.dispose();
  });

  it('builds no [B, K, d] tensor in a training step, nor a [K, K, d] one in the regularizer', async () => {
    const [b, k, d] = [10, K, 4];
    const head = new LearntPrototypes({ numPrototypes: k, prototypesRegularizer: metricGuidedRegularizer(D) });
    const model = backboneModel(head, 6, d);
    const x = tf.tensor2d(randomMatrix(b, 6, 3));
    const weights = model.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val);
    await expectNoTensorOfShape(
      () =>
        tf.variableGrads(() => {
          const logits = model.apply(x) as tf.Tensor;
          const reg = head.getPrototypesRegularizer()?.apply(weights[weights.length - 1]) ?? tf.scalar(0);
          return tf.add(tf.sum(logits), reg) as tf.Scalar;
        }, weights).grads,
      [
        [b, k, d],
        [k, k, d],
      ],
    );
    x.dispose();
    model.dispose();
  });

  it('takes NHWC feature maps: [B, H, W, d] → [B, H, W, K], and saves them too', async () => {
    const model = tfl.sequential();
    model.add(tfl.layers.conv2d({ filters: 3, kernelSize: 1, inputShape: [4, 5, 2] }));
    model.add(new LearntPrototypes({ numPrototypes: 7, metric: 'cosine' }));
    const x = tf.tensor4d(randomMatrix(2 * 4 * 5, 2, 4).flat(), [2, 4, 5, 2]);
    const out = model.predict(x) as tf.Tensor;
    expect(out.shape).toEqual([2, 4, 5, 7]);
    const loaded = await saveAndLoad(model);
    const again = loaded.predict(x) as tf.Tensor;
    expect(again.arraySync()).toEqual(out.arraySync());
    tf.dispose([x, out, again]);
    model.dispose();
    loaded.dispose();
  });

  it('leaves tf.memory().numTensors unchanged over 100 training steps with the regularizer', async () => {
    const head = new LearntPrototypes({ numPrototypes: K, prototypesRegularizer: metricGuidedRegularizer(D, { weight: 0.1 }) });
    const model = backboneModel(head);
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
    const x = tf.tensor2d(randomMatrix(16, 6, 7));
    const y = tf.tensor2d(randomMatrix(16, K, 8));
    await model.trainOnBatch(x, y); // warm-up: optimizer slots
    const before = tf.memory().numTensors;
    let last = 0;
    for (let step = 0; step < 100; step++) last = (await model.trainOnBatch(x, y)) as number;
    expect(tf.memory().numTensors - before, 'tensors leaked over 100 steps').toBe(0);
    expect(Number.isFinite(last)).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('LearntPrototypes bad arguments', () => {
  const D = loadGolden(1).tree.distance_path;
  it.each([
    ['no numPrototypes', () => new LearntPrototypes({}), 'numPrototypes'],
    ['numPrototypes 0', () => new LearntPrototypes({ numPrototypes: 0 }), 'numPrototypes'],
    ['unknown metric', () => new LearntPrototypes({ numPrototypes: 3, metric: 'l1' as PrototypeMetric }), 'metric'],
    ['delta ≤ 0', () => new LearntPrototypes({ numPrototypes: 3, metric: 'pseudoHuber', delta: -1 }), 'delta'],
    ['ragged initialPrototypes', () => new LearntPrototypes({ initialPrototypes: [[1, 2], [3]] }), 'initialPrototypes'],
    ['NaN initialPrototypes', () => new LearntPrototypes({ initialPrototypes: [[1, Number.NaN]] }), 'initialPrototypes'],
    ['K ≠ rows of initialPrototypes', () => new LearntPrototypes({ numPrototypes: 3, initialPrototypes: [[1, 2]] }), 'initialPrototypes'],
    ['D size ≠ K', () => new LearntPrototypes({ numPrototypes: 4, prototypesRegularizer: metricGuidedRegularizer(D) }), 'prototypesRegularizer'],
    ['regularizer of the wrong type', () => new LearntPrototypes({ numPrototypes: 4, prototypesRegularizer: 'l2' as never }), 'prototypesRegularizer'],
    [
      'a regularizer as initializer',
      () => new LearntPrototypes({ numPrototypes: 9, prototypesInitializer: metricGuidedRegularizer(D) as never }),
      'prototypesInitializer',
    ],
  ])('%s → MgpInputError', (_, call, arg) => expectInputError(call, arg, MgpInputError));

  it('refuses inputs of rank 3 and a d that disagrees with initialPrototypes, at build', () => {
    expectInputError(() => new LearntPrototypes({ numPrototypes: 3 }).apply(tfl.input({ shape: [4, 5] })), 'inputs', MgpInputError);
    expectInputError(
      () => new LearntPrototypes({ initialPrototypes: [[1, 2, 3]] }).apply(tfl.input({ shape: [4] })),
      'inputs',
      MgpInputError,
    );
  });

  it('refuses an eager input whose d differs from the built one', () => {
    const layer = new LearntPrototypes({ numPrototypes: 3 });
    const ok = tf.ones([2, 4]);
    tf.dispose(layer.apply(ok) as tf.Tensor);
    const bad = tf.ones([2, 5]);
    expectInputError(() => layer.apply(bad), 'inputs', MgpInputError);
    tf.dispose([ok, bad]);
    layer.dispose();
  });
});
