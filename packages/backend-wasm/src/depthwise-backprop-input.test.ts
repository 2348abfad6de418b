// DepthwiseConv2dNativeBackpropInput on wasm (this package's kernel) against tfjs's cpu kernel and a float64 reference.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { depthwiseInputGrad } from './testing/conv-reference';
import { type DepthwiseCase, dilatedCases, randomInputs, undilatedCases } from './testing/depthwise-cases';
import { maxAbs, runKernelOn } from './testing/kernel-harness';

const KERNEL = 'DepthwiseConv2dNativeBackpropInput';
const tolerance = (expected: ArrayLike<number>) => ({ rtol: 1e-4, atol: 1e-4 * Math.max(maxAbs(expected), 1e-3) });

function run(backend: 'cpu' | 'wasm', c: DepthwiseCase) {
  const { dy, filter } = randomInputs(c);
  const { strides, dilations, pad, dimRoundingMode } = c.geometry;
  return runKernelOn(backend, KERNEL, { dy, filter }, { strides, dilations, pad, dimRoundingMode, inputShape: c.xShape });
}

function reference(c: DepthwiseCase) {
  const { dy, filter } = randomInputs(c);
  return depthwiseInputGrad(dy.values, filter.values, c.xShape, c.filterShape, c.geometry);
}

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe(`${KERNEL} (wasm) equals the cpu kernel`, () => {
  it.each(undilatedCases(500).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wasm = await run('wasm', c);
    const cpu = await run('cpu', c);
    expect(wasm.shape).toEqual(c.xShape);
    expectClose(wasm.values, cpu.values, tolerance(cpu.values));
    expectClose(cpu.values, reference(c), tolerance(cpu.values));
  });
});

describe(`${KERNEL} (wasm) with dilations equals the float64 reference`, () => {
  it.each(dilatedCases(700).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const wasm = await run('wasm', c);
    const expected = reference(c);
    expect(wasm.shape).toEqual(c.xShape);
    expectClose(wasm.values, expected, tolerance(expected));
  });
});

describe(`${KERNEL} (wasm) input checks`, () => {
  it('names dy when its shape is not the convolution output', async () => {
    await tf.setBackend('wasm');
    const dy = tf.zeros([1, 4, 4, 2]);
    const filter = tf.zeros([3, 3, 2, 1]);
    expect(() =>
      tf.engine().runKernel(KERNEL, { dy, filter }, { strides: 1, dilations: 1, pad: 'valid', inputShape: [1, 5, 5, 2] }),
    ).toThrow(`${KERNEL}: argument 'dy' must have shape [1,3,3,2]`);
    tf.dispose([dy, filter]);
  });
});
