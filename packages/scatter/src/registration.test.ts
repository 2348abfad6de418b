import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { useTestBackend } from '@mgp/test-utils';
import { MGP_SCATTER_KERNEL_NAMES, registerScatterKernels, scatterSum } from './index';

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

  it('a backend registered after import gets the typed-array kernel on first use', async () => {
    await useTestBackend('cpu');
    const cpuFactory = tf.findBackendFactory('cpu');
    tf.registerBackend('mgp-custom', cpuFactory);
    tf.copyRegisteredKernels('cpu', 'mgp-custom');
    for (const name of MGP_SCATTER_KERNEL_NAMES) tf.unregisterKernel(name, 'mgp-custom');
    await tf.setBackend('mgp-custom');
    const y = scatterSum(tf.tensor2d([[1], [2], [3]]), [1, 1, 0], 2);
    expect(Array.from(y.dataSync())).toEqual([3, 3]);
    expect(tf.getKernel('MgpScatterSum', 'mgp-custom')).toBeDefined();
    await tf.setBackend('cpu');
    tf.removeBackend('mgp-custom');
  });
});
