// 1,000 training steps that run all four of this package's kernels leave no tensor, no wasm tensor data and no
// wasm heap growth behind.
import { expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { rng, uniform } from './testing/random';

interface WasmInternals {
  numDataIds(): number;
  wasm: { HEAPU8: Uint8Array };
}

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe('no leak over 1,000 small training steps on wasm', () => {
  it('keeps tensors, bytes, wasm data ids and the wasm heap constant', async () => {
    await tf.setBackend('wasm');
    const next = rng(5);
    const conv = tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' });
    const depthwise = tfl.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, depthMultiplier: 2, padding: 'same' });
    const x = tf.tensor4d(uniform(next, 2 * 8 * 8 * 2), [2, 8, 8, 2]);
    const ids = tf.tensor1d([0, 2, 1, 2, 0, 1, 2, 0], 'int32');
    const optimizer = tf.train.sgd(1e-3);
    const loss = () => {
      const h = depthwise.apply(conv.apply(x)) as tf.Tensor4D; // [2, 2, 2, 8]
      const rows = tf.reshape(h, [8, 8]);
      return tf.sum(tf.square(tf.unsortedSegmentSum(rows, ids, 3)));
    };
    const step = () => optimizer.minimize(loss as () => tf.Scalar, true) as tf.Scalar;
    tf.dispose(loss()); // builds the layers' weights

    const profile = await tf.profile(() => {
      tf.dispose(step());
    });
    const kernels = new Set(profile.kernelNames);
    for (const name of ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum']) {
      expect(kernels.has(name), `${name} ran`).toBe(true);
    }

    await expectNoTensorLeak(step, 3);
    for (let i = 0; i < 20; i++) tf.dispose(step()); // let the heap reach its working size
    const backend = tf.backend() as unknown as WasmInternals;
    const before = { memory: tf.memory(), dataIds: backend.numDataIds(), heap: backend.wasm.HEAPU8.byteLength };
    for (let i = 0; i < 1000; i++) tf.dispose(step());
    const after = { memory: tf.memory(), dataIds: backend.numDataIds(), heap: backend.wasm.HEAPU8.byteLength };
    expect(after.memory.numTensors).toBe(before.memory.numTensors);
    expect(after.memory.numBytes).toBe(before.memory.numBytes);
    expect(after.dataIds).toBe(before.dataIds);
    expect(after.heap).toBe(before.heap);

    optimizer.dispose();
    conv.dispose();
    depthwise.dispose();
    tf.dispose([x, ids]);
  });
});
