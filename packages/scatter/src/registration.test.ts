import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import {
  MGP_SCATTER_KERNEL_NAMES,
  registerScatterKernels,
  scatterLogSumExp,
  scatterMax,
  scatterMean,
  scatterSoftmax,
  scatterSum,
} from './index';

describe('registration', () => {
  it('fixes the kernel names', () => {
    expect(MGP_SCATTER_KERNEL_NAMES).toEqual(['MgpScatterSum', 'MgpScatterMean', 'MgpScatterMax', 'MgpScatterLogSumExp', 'MgpScatterSoftmax']);
  });

  it('registers a kernel per known backend and a gradient per kernel, on import', () => {
    for (const name of MGP_SCATTER_KERNEL_NAMES) {
      for (const backend of ['cpu', 'wasm', 'webgl', 'tensorflow', 'webgpu']) expect(tf.getKernel(name, backend), `${name}/${backend}`).toBeDefined();
      expect(tf.getGradient(name), name).toBeDefined();
    }
  });

  it('is idempotent: registering again adds nothing and warns nothing', () => {
    const warn = vi.spyOn(console, 'warn');
    expect(registerScatterKernels()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('a backend registered after import gets the tfjs-ops kernel on first use: values, gradients, no leaks', async () => {
    await useTestBackend('cpu');
    tf.registerBackend('mgp-custom', tf.findBackendFactory('cpu'));
    tf.copyRegisteredKernels('cpu', 'mgp-custom');
    for (const name of MGP_SCATTER_KERNEL_NAMES) tf.unregisterKernel(name, 'mgp-custom');
    await tf.setBackend('mgp-custom');
    const x = tf.tensor2d([[1], [2], [3]]);
    expect(Array.from(scatterSum(x, [1, 1, 0], 2).dataSync())).toEqual([3, 3]);
    expect(tf.getKernel('MgpScatterSum', 'mgp-custom')).toBeDefined();
    const profile = await tf.profile(() => scatterMax(x, [1, 1, 0], 2));
    expect(profile.kernelNames).toContain('MgpScatterMax');
    const grad = tf.grad((v: tf.Tensor) => tf.sum(scatterMax(v, [1, 1, 0], 2)))(x);
    expect(Array.from(grad.dataSync())).toEqual([0, 1, 1]);
    for (const op of [scatterSum, scatterMean, scatterMax, scatterLogSumExp, scatterSoftmax]) {
      await expectNoTensorLeak(() => op(x, [1, 1, 0], 2));
      await expectNoTensorLeak(() => tf.grad((v: tf.Tensor) => tf.sum(op(v, [1, 1, 0], 2)))(x));
    }
    tf.dispose([x, grad]);
    await tf.setBackend('cpu');
    tf.removeBackend('mgp-custom');
  });
});
