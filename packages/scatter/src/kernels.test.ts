// The typed-array kernel (cpu, wasm) against the built-in tfjs-ops path of @mgp/metrics and a float64 reference.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { segmentSum } from '@mgp/metrics';
import { MgpScatterSum, scatterMax, scatterSum } from './index';
import { scatterCases } from './testing/cases';
import { checkForward, checkGradient, KERNEL_OPS, OP_NAMES } from './testing/checks';

describe.each(['cpu', 'wasm'])('Mgp scatter kernels on %s', (backend) => {
  beforeAll(async () => {
    await useTestBackend(backend);
  });

  it('are registered for this backend', () => {
    expect(tf.getKernel(MgpScatterSum, backend)).toBeDefined();
  });

  describe.each(scatterCases())('$name', (c) => {
    it.each(OP_NAMES)('%s: kernel = built-in = float64 reference (1e-5), and the facade picks the kernel', async (op) => {
      const result = await checkForward(op, c, c.ids.length + 17);
      expect(result).toEqual({ kernelVsBuiltin: 'equal', kernelVsReference: 'equal', autoUsedKernel: true });
    });
  });

  describe.each(scatterCases().filter((c) => c.shape.reduce((a, b) => a * b, 1) <= 200))('gradients, $name', (c) => {
    it.each(OP_NAMES)('%s: kernel gradient = built-in gradient (1e-5) = finite differences (1e-3)', async (op) => {
      const result = await checkGradient(op, c, c.ids.length + 5);
      expect(result).toEqual({ kernelVsBuiltin: 'equal', kernelVsFiniteDifferences: 'equal' });
    });
  });

  it('hand-checked values', () => {
    const x = tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
    expect(scatterSum(x, [1, 0, 1, 3], 4).arraySync()).toEqual([[3, 4], [6, 8], [0, 0], [7, 8]]);
    expect(scatterMax(x, [1, 0, 1, 3], 4).arraySync()).toEqual([[3, 4], [5, 6], [-Infinity, -Infinity], [7, 8]]);
    expect(scatterSum(x, [0, 1], 2, { axis: 1 }).arraySync()).toEqual([[1, 2], [3, 4], [5, 6], [7, 8]]);
    expect(scatterSum(x, [0, 0], 1, { axis: -1 }).arraySync()).toEqual([[3], [7], [11], [15]]);
  });

  it('leaves no tensors behind, forward and backward', async () => {
    const x = tf.randomNormal([40, 3]);
    const ids = Array.from({ length: 40 }, (_, i) => (i * 7) % 11);
    for (const op of OP_NAMES) {
      await expectNoTensorLeak(() => KERNEL_OPS[op](x, ids, 12));
      await expectNoTensorLeak(() => tf.grad((v: tf.Tensor) => tf.sum(KERNEL_OPS[op](v, ids, 12)))(x));
    }
    x.dispose();
  });

  it('trains: a few SGD steps through scatterLogSumExp lower the loss', () => {
    const v = tf.variable(tf.randomNormal([30, 4], 0, 1, 'float32', 3));
    const ids = Array.from({ length: 30 }, (_, i) => i % 5);
    const optimizer = tf.train.sgd(0.1);
    const loss = () => tf.sum(tf.square(KERNEL_OPS.logSumExp(v, ids, 5))) as tf.Scalar;
    const first = loss().dataSync()[0];
    for (let i = 0; i < 5; i++) optimizer.minimize(loss);
    expect(loss().dataSync()[0]).toBeLessThan(first);
    v.dispose();
  });

  it('the facade on constant int32 ids reads them once (layout cached per tensor data)', () => {
    const ids = tf.tensor1d([0, 1, 1, 0], 'int32');
    const x = tf.ones([4, 2]);
    let reads = 0;
    const original = ids.dataSync.bind(ids);
    ids.dataSync = (() => (reads++, original())) as typeof ids.dataSync;
    for (let i = 0; i < 3; i++) tf.dispose(segmentSum(x, ids, 2));
    expect(reads).toBeLessThanOrEqual(1);
    tf.dispose([ids, x]);
  });
});
