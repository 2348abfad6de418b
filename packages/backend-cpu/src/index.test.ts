import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { useBackend } from './index';

describe('@mgp/backend-cpu', () => {
  it('activates the cpu backend and reports versions', async () => {
    await tf.setBackend('wasm').catch(() => false);
    const info = await useBackend();
    expect(info.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(info.tfjsVersion).toBe(tf.version_core);
    expect(info.backendVersion).toMatch(/^4\.22\./);
    const product = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(Array.from(product.dataSync())).toEqual([11]);
  });
});
