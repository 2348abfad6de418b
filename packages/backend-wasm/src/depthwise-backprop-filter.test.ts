// DepthwiseConv2dNativeBackpropFilter on wasm (this package's kernel) against tfjs's cpu kernel and a float64 reference.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { depthwiseFilterGrad } from './testing/conv-reference';
import { type DepthwiseCase, dilatedCases, randomInputs, undilatedCases } from './testing/depthwise-cases';
import { maxAbs, runKernelOn } from './testing/kernel-harness';

const KERNEL = 'DepthwiseConv2dNativeBackpropFilter';
const tolerance = (expected: ArrayLike<number>) => ({ rtol: 1e-4, atol: 1e-4 * Math.max(maxAbs(expected), 1e-3) });

function run(backend: 'cpu' | 'wasm', c: DepthwiseCase) {
  const { x, dy } = randomInputs(c);
  const { strides, dilations, pad, dimRoundingMode } = c.geometry;
  return runKernelOn(backend, KERNEL, { x, dy }, { strides, dilations, pad, dimRoundingMode, filterShape: c.filterShape });
}

function reference(c: DepthwiseCase) {
  const { x, dy } = randomInputs(c);
  return depthwiseFilterGrad(x.values, c.xShape, dy.values, c.filterShape, c.geometry);
}

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe(`${KERNEL} (wasm) equals the cpu kernel`, () => {
  it.each(undilatedCases(100).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wasm = await run('wasm', c);
    const cpu = await run('cpu', c);
    expect(wasm.shape).toEqual(c.filterShape);
    expectClose(wasm.values, cpu.values, tolerance(cpu.values));
    expectClose(cpu.values, reference(c), tolerance(cpu.values));
  });
});

describe(`${KERNEL} (wasm) with dilations equals the float64 reference`, () => {
  it.each(dilatedCases(300).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wasm = await run('wasm', c);
    const expected = reference(c);
    expect(wasm.shape).toEqual(c.filterShape);
    expectClose(wasm.values, expected, tolerance(expected));
  });
});

describe(`${KERNEL} (wasm) input checks`, () => {
  it('names x when its channels do not match filterShape', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 5, 5, 2]);
    const dy = tf.zeros([1, 3, 3, 3]);
    expect(() =>
      tf.engine().runKernel(KERNEL, { x, dy }, { strides: 1, dilations: 1, pad: 'valid', filterShape: [3, 3, 3, 1] }),
    ).toThrow(`${KERNEL}: x has 2 channels but filterShape [3,3,3,1] expects 3`);
    tf.dispose([x, dy]);
  });
});
