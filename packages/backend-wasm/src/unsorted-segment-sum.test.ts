// UnsortedSegmentSum on wasm (this package's kernel) against tfjs's cpu kernel and a plain-JS reference.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { runKernelOn } from './testing/kernel-harness';
import { randInt, rng, uniform } from './testing/random';

const KERNEL = 'UnsortedSegmentSum';

interface Case {
  name: string;
  xShape: number[];
  idRank: number;
  numSegments: number;
  dtype: 'float32' | 'int32';
  seed: number;
}

function inputsOf(c: Case) {
  const next = rng(c.seed);
  const size = c.xShape.reduce((a, d) => a * d, 1);
  const idShape = c.xShape.slice(0, c.idRank);
  const idCount = idShape.reduce((a, d) => a * d, 1);
  // ids from -1 to numSegments: the two ends are out of range and must be dropped.
  const ids = Int32Array.from({ length: idCount }, () => randInt(next, -1, c.numSegments));
  const values = c.dtype === 'float32' ? uniform(next, size) : Int32Array.from({ length: size }, () => randInt(next, -50, 50));
  return { x: { values, shape: c.xShape, dtype: c.dtype }, segmentIds: { values: ids, shape: idShape, dtype: 'int32' as const } };
}

function reference(c: Case): Float64Array {
  const { x, segmentIds } = inputsOf(c);
  const row = x.values.length / segmentIds.values.length;
  const out = new Float64Array(c.numSegments * row);
  segmentIds.values.forEach((s, i) => {
    if (s < 0 || s >= c.numSegments) return;
    for (let j = 0; j < row; j++) out[s * row + j] += x.values[i * row + j];
  });
  return out;
}

const cases: Case[] = [];
let seed = 1;
for (const dtype of ['float32', 'int32'] as const)
  for (const xShape of [[7], [9, 3], [6, 2, 4], [1, 5], [40, 16]])
    for (const numSegments of [1, 4, 13]) {
      cases.push({ name: `${dtype} x[${xShape}] numSegments ${numSegments}`, xShape, idRank: 1, numSegments, dtype, seed: seed++ });
    }

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe(`${KERNEL} (wasm) equals the cpu kernel`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const inputs = inputsOf(c);
    const wasm = await runKernelOn('wasm', KERNEL, inputs, { numSegments: c.numSegments });
    const cpu = await runKernelOn('cpu', KERNEL, inputs, { numSegments: c.numSegments });
    expect(wasm.shape).toEqual(cpu.shape);
    expect(wasm.dtype).toBe(c.dtype);
    expectClose(wasm.values, cpu.values, { rtol: 1e-6, atol: 1e-6 });
    expectClose(wasm.values, reference(c), { rtol: 1e-6, atol: 1e-6 });
  });
});

describe(`${KERNEL} (wasm) beyond the cpu kernel`, () => {
  it('takes segmentIds of rank 2 (a prefix of x shape), like TensorFlow', async () => {
    const c: Case = { name: 'rank-2 ids', xShape: [4, 3, 5], idRank: 2, numSegments: 6, dtype: 'float32', seed: 77 };
    const wasm = await runKernelOn('wasm', KERNEL, inputsOf(c), { numSegments: c.numSegments });
    expect(wasm.shape).toEqual([6, 5]);
    expectClose(wasm.values, reference(c), { rtol: 1e-6, atol: 1e-6 });
  });

  it('accumulates in float64: 100000 rows of 0.1 sum to 10000 within float32 rounding', async () => {
    const n = 100_000;
    const wasm = await runKernelOn(
      'wasm',
      KERNEL,
      { x: { values: new Float32Array(n).fill(0.1), shape: [n] }, segmentIds: { values: new Int32Array(n), shape: [n], dtype: 'int32' } },
      { numSegments: 1 },
    );
    expect(Math.abs(wasm.values[0] - Math.fround(0.1) * n)).toBeLessThan(1e-3);
  });

  it('returns zeros for segments no id names, and an empty result for numSegments 0', async () => {
    const ids = { values: Int32Array.from([3, 3]), shape: [2], dtype: 'int32' as const };
    const x = { values: Float32Array.from([1, 2, 3, 4]), shape: [2, 2] };
    const four = await runKernelOn('wasm', KERNEL, { x, segmentIds: ids }, { numSegments: 4 });
    expect(Array.from(four.values)).toEqual([0, 0, 0, 0, 0, 0, 4, 6]);
    const none = await runKernelOn('wasm', KERNEL, { x, segmentIds: ids }, { numSegments: 0 });
    expect(none.shape).toEqual([0, 2]);
  });

  it('is differentiable on wasm (gradient = gather of dy)', async () => {
    await tf.setBackend('wasm');
    const ids = tf.tensor1d([2, 0, 2, -1], 'int32');
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.unsortedSegmentSum(x, ids, 3), tf.tensor2d([[1, 2], [3, 4], [5, 6]]))));
    const dx = g(tf.ones([4, 2]));
    expect(Array.from(dx.dataSync())).toEqual([5, 6, 1, 2, 5, 6, 0, 0]);
    tf.dispose([ids, dx]);
  });

  it('names segmentIds when its shape does not start x shape', async () => {
    await tf.setBackend('wasm');
    const x = tf.zeros([3, 2]);
    const ids = tf.tensor1d([0, 1], 'int32');
    expect(() => tf.engine().runKernel(KERNEL, { x, segmentIds: ids }, { numSegments: 2 })).toThrow(
      `${KERNEL}: argument 'segmentIds' must have a shape that starts x's shape [3,2]; got [2]`,
    );
    tf.dispose([x, ids]);
  });
});
