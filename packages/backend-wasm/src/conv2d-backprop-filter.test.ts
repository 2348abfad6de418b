// Conv2DBackpropFilter on wasm (this package's kernel) against tfjs's cpu kernel and a float64 reference.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { type ConvGeometry, conv2dFilterGrad, outShapeOf } from './testing/conv-reference';
import { maxAbs, runKernelOn } from './testing/kernel-harness';
import { pick, randInt, rng, uniform } from './testing/random';

type Shape4 = [number, number, number, number];
type Format = 'NHWC' | 'NCHW';

interface Case {
  name: string;
  xShape: Shape4;
  filterShape: Shape4;
  geometry: ConvGeometry;
  dataFormat: Format;
  seed: number;
}

const STRIDES: Array<number | [number, number]> = [1, 2, [1, 3], [3, 2]];
const PADS = ['valid', 'same', 'explicit', 'number'] as const;
const ROUNDING = [undefined, 'floor', 'round', 'ceil'] as const;

function makeCase(seed: number, dataFormat: Format, strides: number | [number, number], dilations: number | [number, number], padKind: (typeof PADS)[number]): Case {
  const next = rng(seed);
  const kh = randInt(next, 1, 4);
  const kw = randInt(next, 1, 4);
  const ci = randInt(next, 1, 4);
  const co = randInt(next, 1, 4);
  const b = randInt(next, 1, 3);
  const [dh, dw] = typeof dilations === 'number' ? [dilations, dilations] : dilations;
  const h = randInt(next, (kh - 1) * dh + 2, (kh - 1) * dh + 8);
  const w = randInt(next, (kw - 1) * dw + 2, (kw - 1) * dw + 8);
  let pad: ConvGeometry['pad'];
  let dimRoundingMode: ConvGeometry['dimRoundingMode'];
  if (padKind === 'explicit') {
    const p = [0, 1, 2, 3].map(() => randInt(next, 0, 3));
    pad = dataFormat === 'NHWC' ? [[0, 0], [p[0], p[1]], [p[2], p[3]], [0, 0]] : [[0, 0], [0, 0], [p[0], p[1]], [p[2], p[3]]];
  } else if (padKind === 'number') {
    pad = randInt(next, 0, 2);
    dimRoundingMode = pick(next, ROUNDING);
  } else {
    pad = padKind;
  }
  const xShape: Shape4 = dataFormat === 'NHWC' ? [b, h, w, ci] : [b, ci, h, w];
  const geometry = { strides, dilations, pad, dimRoundingMode };
  const name = `${dataFormat} x[${xShape}] f[${kh},${kw},${ci},${co}] strides ${JSON.stringify(strides)} dilations ${JSON.stringify(dilations)} pad ${JSON.stringify(pad)}${dimRoundingMode ? ` ${dimRoundingMode}` : ''} seed ${seed}`;
  return { name, xShape, filterShape: [kh, kw, ci, co], geometry, dataFormat, seed };
}

function inputsOf(c: Case) {
  const next = rng(c.seed * 7919 + 1);
  const dyShape = outShapeOf(c.xShape, c.filterShape, c.geometry, false, c.dataFormat);
  const x = uniform(next, c.xShape.reduce((a, d) => a * d, 1));
  const dy = uniform(next, dyShape.reduce((a, d) => a * d, 1));
  return { x: { values: x, shape: c.xShape }, dy: { values: dy, shape: dyShape } };
}

function attrsOf(c: Case) {
  return {
    strides: c.geometry.strides,
    pad: c.geometry.pad,
    dataFormat: c.dataFormat,
    dimRoundingMode: c.geometry.dimRoundingMode,
    filterShape: c.filterShape,
    dilations: c.geometry.dilations,
  };
}

const tolerance = (expected: ArrayLike<number>) => ({ rtol: 1e-4, atol: 1e-4 * Math.max(maxAbs(expected), 1e-3) });

// Every format × stride × padding kind, dilation 1 (what tfjs's conv2d gradient produces), against the cpu kernel.
const cpuCases: Case[] = [];
let seed = 1;
for (const dataFormat of ['NHWC', 'NCHW'] as const)
  for (const strides of STRIDES) for (const pad of PADS) cpuCases.push(makeCase(seed++, dataFormat, strides, 1, pad));
// Shapes where the forward convolution never reads the last rows/columns (the backward pass must crop them).
cpuCases.push({ name: 'valid, stride 2, even size (cropped input)', xShape: [2, 8, 8, 3], filterShape: [3, 3, 3, 2], geometry: { strides: 2, dilations: 1, pad: 'valid' }, dataFormat: 'NHWC', seed: 901 });
cpuCases.push({ name: 'filter as large as the input', xShape: [2, 5, 4, 2], filterShape: [5, 4, 2, 3], geometry: { strides: 1, dilations: 1, pad: 'valid' }, dataFormat: 'NHWC', seed: 902 });
cpuCases.push({ name: 'batch 1, one channel, 1x1 filter, stride 3', xShape: [1, 7, 7, 1], filterShape: [1, 1, 1, 1], geometry: { strides: 3, dilations: 1, pad: 'same' }, dataFormat: 'NHWC', seed: 903 });

// Dilations (the kernel accepts a `dilations` attr; tfjs's cpu kernel ignores it, so the float64 reference judges).
const dilatedCases: Case[] = [];
for (const dataFormat of ['NHWC', 'NCHW'] as const)
  for (const dilations of [2, [2, 1], [1, 3]] as Array<number | [number, number]>)
    for (const strides of [1, 2] as const) for (const pad of PADS) dilatedCases.push(makeCase(seed++, dataFormat, strides, dilations, pad));

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe('Conv2DBackpropFilter (wasm) equals the cpu kernel', () => {
  it.each(cpuCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const inputs = inputsOf(c);
    const wasm = await runKernelOn('wasm', 'Conv2DBackpropFilter', inputs, attrsOf(c));
    const cpu = await runKernelOn('cpu', 'Conv2DBackpropFilter', inputs, attrsOf(c));
    expect(wasm.shape).toEqual(c.filterShape);
    expectClose(wasm.values, cpu.values, tolerance(cpu.values));
    // The float64 reference agrees with cpu here, which validates it for the dilated cases below.
    const reference = conv2dFilterGrad(inputs.x.values, c.xShape, inputs.dy.values, c.filterShape, c.geometry, c.dataFormat);
    expectClose(cpu.values, reference, tolerance(reference));
  });
});

describe('Conv2DBackpropFilter (wasm) with dilations equals the float64 reference', () => {
  it.each(dilatedCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const inputs = inputsOf(c);
    const wasm = await runKernelOn('wasm', 'Conv2DBackpropFilter', inputs, attrsOf(c));
    const reference = conv2dFilterGrad(inputs.x.values, c.xShape, inputs.dy.values, c.filterShape, c.geometry, c.dataFormat);
    expect(wasm.shape).toEqual(c.filterShape);
    expectClose(wasm.values, reference, tolerance(reference));
  });
});

describe('Conv2DBackpropFilter (wasm) input checks', () => {
  it('names dy when its shape is not the convolution output', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 5, 5, 2]);
    const dy = tf.zeros([1, 4, 4, 3]);
    const before = tf.memory().numTensors;
    expect(() =>
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 2, 3] }),
    ).toThrow("Conv2DBackpropFilter: argument 'dy' must have shape [1,3,3,3]");
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, dy]);
  });
});
