import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { SgdMomentum } from './sgd';

beforeAll(async () => {
  await useTestBackend();
});

describe('SgdMomentum', () => {
  it("follows PyTorch's SGD: v ← m·v + g, w ← w − lr·v", () => {
    const w = tf.variable(tf.tensor1d([1, -2]));
    const sgd = new SgdMomentum(0.1, 0.9);
    // loss = Σ w² / 2, so g = w.
    let v = [0, 0];
    let expected = [1, -2];
    for (let i = 0; i < 3; i++) {
      tf.dispose(sgd.step(() => tf.mul(tf.sum(tf.square(w)), 0.5) as tf.Scalar, [w]));
      v = v.map((vi, j) => 0.9 * vi + expected[j]);
      expected = expected.map((wi, j) => wi - 0.1 * v[j]);
    }
    expectClose(w.dataSync(), expected);
    sgd.dispose();
    w.dispose();
  });

  it('leaves no tensor behind, per step or once disposed', async () => {
    const before = tf.memory().numTensors;
    const init = tf.randomNormal([3, 2]);
    const w = tf.variable(init);
    init.dispose();
    const sgd = new SgdMomentum(0.1, 0.9);
    await expectNoTensorLeak(() => tf.dispose(sgd.step(() => tf.sum(tf.square(w)) as tf.Scalar, [w])));
    sgd.dispose();
    w.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
