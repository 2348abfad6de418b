import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { MgpInputError } from '@mgp/metrics';
import { expectClose, goldenCases, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInputError, randomMatrix, saveAndLoad } from '../test-support';
import { HypersphericalPrototypes } from './hyperspherical-prototypes';

beforeAll(async () => {
  await useTestBackend();
});

describe.each(goldenCases)('HypersphericalPrototypes on %s', (_, golden) => {
  it('scores prototype_logits.hyperspherical (default) and cosine similarity', () => {
    const x = golden.inputs.embeddings;
    const hyper = new HypersphericalPrototypes({ prototypes: golden.inputs.prototypes });
    const cosine = new HypersphericalPrototypes({ prototypes: golden.inputs.prototypes, score: 'cosine' });
    const [h, c] = tf.tidy(() => [(hyper.apply(tf.tensor2d(x)) as tf.Tensor).arraySync(), (cosine.apply(tf.tensor2d(x)) as tf.Tensor).arraySync()]);
    expectClose(h, golden.prototype_logits.hyperspherical);
    expectClose(c, golden.prototype_logits.cosine.map((row) => row.map((v) => v + 1)));
    hyper.dispose();
    cosine.dispose();
  });
});

describe('HypersphericalPrototypes', () => {
  it('keeps unit prototypes fixed and round-trips through save and load', async () => {
    const P = randomMatrix(5, 3, 3);
    const head = new HypersphericalPrototypes({ prototypes: P });
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: 3, inputShape: [4] }));
    model.add(head);
    expect(head.trainableWeights.length).toBe(0);
    const unit = head.getPrototypes();
    for (const n of (unit.arraySync() as number[][]).map((r) => Math.hypot(...r))) expect(n).toBeCloseTo(1, 6);
    model.compile({ optimizer: tf.train.sgd(0.5), loss: 'meanSquaredError' });
    const x = tf.tensor2d(randomMatrix(6, 4, 1));
    await model.fit(x, tf.zeros([6, 5]), { epochs: 2, verbose: 0 });
    const after = head.getPrototypes();
    expect(after.arraySync()).toEqual(unit.arraySync());
    const loaded = await saveAndLoad(model);
    const [a, b] = tf.tidy(() => [(model.predict(x) as tf.Tensor).arraySync(), (loaded.predict(x) as tf.Tensor).arraySync()]);
    expect(b).toEqual(a);
    expect((loaded.layers[1] as HypersphericalPrototypes).score).toBe('hyperspherical');
    tf.dispose([x, unit, after]);
    model.dispose();
    loaded.dispose();
  });

  it('takes NHWC embeddings', () => {
    const head = new HypersphericalPrototypes({ prototypes: randomMatrix(4, 2, 5), score: 'cosine' });
    const out = tf.tidy(() => (head.apply(tf.ones([2, 3, 3, 2])) as tf.Tensor).shape);
    expect(out).toEqual([2, 3, 3, 4]);
    head.dispose();
  });

  it.each([
    ['no prototypes', () => new HypersphericalPrototypes({}), 'prototypes'],
    ['a zero prototype', () => new HypersphericalPrototypes({ prototypes: [[1, 0], [0, 0]] }), 'prototypes'],
    ['unknown score', () => new HypersphericalPrototypes({ prototypes: [[1, 0]], score: 'dot' as 'cosine' }), 'score'],
    ['numPrototypes ≠ rows', () => new HypersphericalPrototypes({ prototypes: [[1, 0]], numPrototypes: 3 }), 'numPrototypes'],
    ['input d ≠ prototypes d', () => new HypersphericalPrototypes({ prototypes: [[1, 0]] }).apply(tfl.input({ shape: [3] })), 'inputs'],
  ])('%s → MgpInputError', (_, call, arg) => expectInputError(call, arg, MgpInputError));
});
