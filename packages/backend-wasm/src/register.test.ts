// registerMissingWasmKernels adds exactly the kernels tfjs-backend-wasm 4.22 lacks, once, and never replaces one.
import '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { WASM_EXTRA_KERNELS, registerMissingWasmKernels } from './register';

const NAMES = ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum'];

describe('registerMissingWasmKernels', () => {
  it('fills exactly the gaps of tfjs-backend-wasm 4.22, and is idempotent', () => {
    expect(WASM_EXTRA_KERNELS.map((k) => k.kernelName).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(tf.getKernel(name, 'wasm'), `${name} before`).toBeUndefined();
    expect(registerMissingWasmKernels().sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(tf.getKernel(name, 'wasm')?.backendName).toBe('wasm');
    expect(registerMissingWasmKernels().sort()).toEqual([...NAMES].sort());
  });

  it('leaves a kernel registered by someone else alone and does not report it', () => {
    tf.unregisterKernel('UnsortedSegmentSum', 'wasm');
    const theirs = () => ({ dataId: {}, shape: [], dtype: 'float32' as const });
    tf.registerKernel({ kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc: theirs });
    expect(registerMissingWasmKernels()).not.toContain('UnsortedSegmentSum');
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')?.kernelFunc).toBe(theirs);
  });
});
