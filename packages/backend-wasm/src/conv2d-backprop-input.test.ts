// Conv2DBackpropInput on wasm: this package's XNNPACK replacement against tfjs's cpu kernel and a float64 reference.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { replaceSlowWasmKernels, useBackend } from './index';
import { conv2dInputGrad, outShapeOf } from './testing/conv-reference';
import { type DepthwiseCase, undilatedCases } from './testing/depthwise-cases';
import { maxAbs, runKernelOn } from './testing/kernel-harness';
import { rng, uniform } from './testing/random';

const KERNEL = 'Conv2DBackpropInput';
const tolerance = (expected: ArrayLike<number>) => ({ rtol: 1e-4, atol: 1e-4 * Math.max(maxAbs(expected), 1e-3) });
const size = (s: number[]) => s.reduce((a, d) => a * d, 1);

// The depthwise case generator's shapes, read as a full convolution: filter [KH, KW, ci, co].
const cases: DepthwiseCase[] = [
  ...undilatedCases(300),
  { name: 'figure-1 conv2 (13×13×16 → 11×11×16)', xShape: [4, 13, 13, 16], filterShape: [3, 3, 16, 16], geometry: { strides: 1, dilations: 1, pad: 'valid' }, seed: 311 },
  { name: 'same padding, 32 → 8 channels, stride 2', xShape: [2, 9, 10, 32], filterShape: [3, 3, 32, 8], geometry: { strides: 2, dilations: 1, pad: 'same' }, seed: 312 },
];

function inputsOf(c: DepthwiseCase) {
  const next = rng(c.seed * 104729 + 5);
  const dyShape = outShapeOf(c.xShape, c.filterShape, c.geometry, false);
  return {
    dy: { values: uniform(next, size(dyShape)), shape: dyShape },
    filter: { values: uniform(next, size(c.filterShape)), shape: c.filterShape },
  };
}

function run(backend: 'cpu' | 'wasm', c: DepthwiseCase, dataFormat: 'NHWC' | 'NCHW' = 'NHWC') {
  const { strides, pad, dimRoundingMode } = c.geometry;
  return runKernelOn(backend, KERNEL, inputsOf(c), { strides, pad, dimRoundingMode, dataFormat, inputShape: c.xShape });
}

beforeAll(async () => {
  await useTestBackend('cpu');
  const info = await useBackend();
  expect(info.notes.join(' ')).toContain('Conv2DBackpropInput');
});

describe(`${KERNEL} (wasm, on XNNPACK) equals the cpu kernel and the float64 reference`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wasm = await run('wasm', c);
    const cpu = await run('cpu', c);
    const { dy, filter } = inputsOf(c);
    const expected = conv2dInputGrad(dy.values, filter.values, c.xShape, c.filterShape, c.geometry);
    expect(wasm.shape).toEqual(c.xShape);
    expectClose(cpu.values, expected, tolerance(expected));
    expectClose(wasm.values, expected, tolerance(expected));
  });
});

describe(`${KERNEL} (wasm) registration`, () => {
  it('is installed once however often it is asked for, and keeps tfjs setup hook', () => {
    const first = tf.getKernel(KERNEL, 'wasm');
    expect(replaceSlowWasmKernels()).toContain(KERNEL);
    const second = tf.getKernel(KERNEL, 'wasm');
    expect(second?.kernelFunc).toBe(first?.kernelFunc);
    expect(second?.setupFunc).toBeTypeOf('function');
  });

  it('gives NCHW (which the wasm Conv2D does not take) to tfjs own kernel', async () => {
    // An NCHW problem: inputShape [b, c, h, w] with the channel count in position 1.
    const c: DepthwiseCase = { name: 'nchw', xShape: [2, 3, 7, 6], filterShape: [3, 3, 3, 4], geometry: { strides: 1, dilations: 1, pad: 'valid' }, seed: 9 };
    const next = rng(77);
    const dy = { values: uniform(next, 2 * 4 * 5 * 4), shape: [2, 4, 5, 4] };
    const filter = { values: uniform(next, size(c.filterShape)), shape: c.filterShape };
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NCHW', inputShape: c.xShape };
    const cpu = await runKernelOn('cpu', KERNEL, { dy, filter }, attrs);
    const wasm = await runKernelOn('wasm', KERNEL, { dy, filter }, attrs);
    expect(wasm.shape).toEqual(c.xShape);
    expectClose(wasm.values, cpu.values, tolerance(cpu.values));
  });

  it('names dy when its shape is not the convolution output, and leaves no tensor behind', async () => {
    await tf.setBackend('wasm');
    const dy = tf.zeros([1, 4, 4, 2]);
    const filter = tf.zeros([3, 3, 2, 2]);
    const before = tf.memory().numTensors;
    expect(() => tf.engine().runKernel(KERNEL, { dy, filter }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', inputShape: [1, 5, 5, 2] })).toThrow(
      `${KERNEL}: argument 'dy' must have shape [1,3,3,2]`,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([dy, filter]);
  });
});
