// MaxPoolGrad on wasm: this package's replacement against tfjs's cpu kernel, ties included, and through tf.grad.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { type HostTensor, runKernelOn } from './testing/kernel-harness';
import { pick, randInt, rng, uniform } from './testing/random';

const KERNEL = 'MaxPoolGrad';
type Pad = 'valid' | 'same' | number;

interface Case {
  name: string;
  xShape: [number, number, number, number];
  filterSize: [number, number];
  strides: [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  /** Draw small integers, so that windows hold ties. */
  ties: boolean;
  seed: number;
}

function randomCase(seed: number, ties: boolean): Case {
  const next = rng(seed);
  const filterSize: [number, number] = [randInt(next, 1, 4), randInt(next, 1, 4)];
  const strides: [number, number] = [randInt(next, 1, 3), randInt(next, 1, 3)];
  const pad = pick(next, ['valid', 'same', 0, 1] as const);
  const xShape: [number, number, number, number] = [randInt(next, 1, 3), randInt(next, 4, 10), randInt(next, 4, 10), randInt(next, 1, 6)];
  const dimRoundingMode = typeof pad === 'number' ? pick(next, ['floor', 'round', 'ceil'] as const) : undefined;
  return { name: `x[${xShape}] window ${filterSize} strides ${strides} pad ${pad}${ties ? ' with ties' : ''} seed ${seed}`, xShape, filterSize, strides, pad, dimRoundingMode, ties, seed };
}

const cases: Case[] = [
  ...Array.from({ length: 24 }, (_, i) => randomCase(400 + i, i % 3 === 0)),
  { name: 'figure-1 pool1 (2×2, stride 2)', xShape: [8, 26, 26, 16], filterSize: [2, 2], strides: [2, 2], pad: 'valid', ties: false, seed: 1 },
  { name: 'odd size, last row and column never pooled', xShape: [2, 11, 11, 16], filterSize: [2, 2], strides: [2, 2], pad: 'valid', ties: true, seed: 2 },
];

async function inputsOf(c: Case): Promise<{ dy: HostTensor; input: HostTensor; output: HostTensor }> {
  const next = rng(c.seed * 31 + 7);
  const size = c.xShape.reduce((a, d) => a * d, 1);
  const x = c.ties ? Float32Array.from({ length: size }, () => randInt(next, 0, 2)) : uniform(next, size);
  const input = { values: x, shape: c.xShape };
  // tfjs passes the forward output too; the cpu backend computes it for us.
  const output = await runKernelOn('cpu', 'MaxPool', { x: input }, { filterSize: c.filterSize, strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode });
  const dy = { values: uniform(next, output.values.length), shape: output.shape };
  return { dy, input, output: { values: output.values, shape: output.shape } };
}

beforeAll(async () => {
  await useTestBackend('cpu');
  const info = await useBackend();
  expect(info.notes.join(' ')).toContain(KERNEL);
});

describe(`${KERNEL} (wasm, one heap pass) equals the cpu kernel`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const inputs = await inputsOf(c);
    const attrs = { filterSize: c.filterSize, strides: c.strides, pad: c.pad, dimRoundingMode: c.dimRoundingMode };
    const wasm = await runKernelOn('wasm', KERNEL, inputs, attrs);
    const cpu = await runKernelOn('cpu', KERNEL, inputs, attrs);
    expect(wasm.shape).toEqual(c.xShape);
    // Each dx entry is a sum of at most a few dy values, routed by exact comparisons: equal up to float rounding.
    expectClose(wasm.values, cpu.values, { rtol: 1e-6, atol: 1e-6 });
  });

  it('gives tf.grad of maxPool the same gradient on wasm as on cpu', async () => {
    const next = rng(5);
    const values = uniform(next, 2 * 9 * 9 * 3);
    const gradOn = async (backend: 'cpu' | 'wasm') => {
      await tf.setBackend(backend);
      const x = tf.tensor4d(values, [2, 9, 9, 3]);
      const g = tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.maxPool(t as tf.Tensor4D, 3, 2, 'same'))))(x);
      const out = await g.data();
      tf.dispose([x, g]);
      return out;
    };
    expectClose(await gradOn('wasm'), await gradOn('cpu'), { rtol: 1e-6, atol: 1e-6 });
  });

  it('names dy when its shape is not the pooled shape, and leaves no tensor behind', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([1, 4, 4, 2]);
    const dy = tf.zeros([1, 3, 3, 2]);
    const before = tf.memory().numTensors;
    expect(() => tf.engine().runKernel(KERNEL, { dy, input: x, output: dy }, { filterSize: 2, strides: 2, pad: 'valid' })).toThrow(
      `${KERNEL}: argument 'dy' must have shape [1,2,2,2]`,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, dy]);
  });
});
