import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { MgpInputError } from '../validation/errors';
import { segmentLogSumExp, segmentMax, segmentMean, segmentSoftmax, segmentSum, type SegmentOptions } from './facade';
import { MGP_SCATTER_KERNEL_NAMES } from './kernel-names';
import { describeMismatch, referenceSegment, rng, type RefOp } from './reference.test-support';

const OPS = {
  sum: segmentSum,
  mean: segmentMean,
  max: segmentMax,
  logSumExp: segmentLogSumExp,
  softmax: segmentSoftmax,
} as const;
const OP_NAMES = Object.keys(OPS) as RefOp[];

interface Case {
  name: string;
  shape: number[];
  axis: number;
  numSegments: number;
  ids: number[];
}

function randomIds(random: () => number, n: number, numSegments: number): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * numSegments));
}

function cases(): Case[] {
  const r = rng(7);
  const skewed = Array.from({ length: 600 }, (_, i) => (i < 500 ? 3 : i % 40));
  return [
    { name: 'rows, out of order, empty segments', shape: [9, 3], axis: 0, numSegments: 6, ids: [4, 0, 4, 2, 0, 5, 2, 4, 0] },
    { name: 'single segment', shape: [7, 4], axis: 0, numSegments: 1, ids: [0, 0, 0, 0, 0, 0, 0] },
    { name: 'columns (axis 1)', shape: [5, 8], axis: 1, numSegments: 4, ids: [3, 3, 0, 1, 0, 3, 1, 1] },
    { name: 'axis -1 equals axis 1', shape: [3, 6], axis: -1, numSegments: 3, ids: [2, 0, 2, 1, 0, 0] },
    { name: 'rank 3, middle axis', shape: [2, 10, 3], axis: 1, numSegments: 5, ids: randomIds(r, 10, 5) },
    { name: 'rank 1', shape: [12], axis: 0, numSegments: 5, ids: randomIds(r, 12, 5) },
    { name: 'many segments (more than rows)', shape: [300, 2], axis: 0, numSegments: 2000, ids: randomIds(r, 300, 2000) },
    { name: 'large S gather path', shape: [2000, 3], axis: 0, numSegments: 700, ids: randomIds(r, 2000, 700) },
    { name: 'one long segment (multi-level plan)', shape: [600, 2], axis: 0, numSegments: 40, ids: skewed },
  ];
}

function randomValues(seed: number, size: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: size }, () => Math.fround(4 * r() - 2));
}

describe.each(['cpu', 'wasm'])('segment facade, built-in path on %s', (backend) => {
  beforeAll(async () => {
    await useTestBackend(backend);
    for (const name of MGP_SCATTER_KERNEL_NAMES) expect(tf.getKernel(name, backend), `${name} must not be registered here`).toBeUndefined();
  });

  describe.each(cases())('$name', (c) => {
    it.each(OP_NAMES)('%s matches a float64 reference', (op) => {
      const size = c.shape.reduce((a, b) => a * b, 1);
      const values = randomValues(size + c.numSegments, size);
      const x = tf.tensor(values, c.shape);
      const y = OPS[op](x, c.ids, c.numSegments, { axis: c.axis });
      const axis = c.axis < 0 ? c.axis + c.shape.length : c.axis;
      const ref = referenceSegment(op, { values, shape: c.shape, ids: c.ids, numSegments: c.numSegments, axis });
      expect(y.shape).toEqual(ref.shape);
      expect(describeMismatch(y.dataSync(), ref.values)).toBe('equal');
      tf.dispose([x, y]);
    });
  });

  it('gives -Infinity for empty segments of max and logSumExp, 0 for sum and mean', () => {
    const x = tf.tensor2d([[1], [2]]);
    expect(Array.from(segmentMax(x, [0, 0], 3).dataSync())).toEqual([2, -Infinity, -Infinity]);
    expect(Array.from(segmentLogSumExp(x, [2, 2], 3).dataSync()).slice(0, 2)).toEqual([-Infinity, -Infinity]);
    expect(Array.from(segmentSum(x, [1, 1], 3).dataSync())).toEqual([0, 3, 0]);
    expect(Array.from(segmentMean(x, [1, 1], 3).dataSync())).toEqual([0, 1.5, 0]);
  });

  it('gives softmax 0 (not NaN) where a segment is all -Infinity', () => {
    const x = tf.tensor1d([-Infinity, -Infinity, 0, 0]);
    expectClose(segmentSoftmax(x, [0, 0, 1, 1], 2).dataSync(), [0, 0, 0.5, 0.5]);
  });

  it('accepts ids as an int32 tensor, a float32 tensor of integers, a number[] and an Int32Array', () => {
    const x = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const expected = [6, 8, 3, 4];
    for (const ids of [tf.tensor1d([0, 1, 0], 'int32'), tf.tensor1d([0, 1, 0]), [0, 1, 0], Int32Array.from([0, 1, 0])]) {
      expectClose(segmentSum(x, ids, 2).dataSync(), expected);
    }
  });

  it.each(OP_NAMES)('%s gradient matches finite differences of the float64 reference', (op) => {
    // Includes a tie for max (rows 0 and 4 of segment 2, column 0) and an empty segment (1).
    const shape = [6, 2];
    const ids = [2, 0, 2, 0, 2, 3];
    const numSegments = 4;
    const values = Float32Array.from([0.5, -1, 1.5, 2, -0.3, 0.25, 2, 0.7, 0.5, -2, 0.1, 0.9]);
    const ref = (v: ArrayLike<number>) => referenceSegment(op, { values: v, shape, ids, numSegments, axis: 0 }).values;
    const weights = ref(values).map((_, i) => Math.cos(i + 1));
    const objective = (v: ArrayLike<number>) => ref(v).reduce((acc, y, i) => acc + (Number.isFinite(y) ? y * weights[i] : 0), 0);
    const weightTensor = tf.tensor(weights.map((w, i) => (Number.isFinite(ref(values)[i]) ? w : 0)), op === 'softmax' ? shape : [numSegments, 2]);
    const grad = tf.grad((x: tf.Tensor) => {
      const y = OPS[op](x, ids, numSegments);
      return tf.sum(tf.mul(tf.where(tf.isFinite(y), y, tf.zerosLike(y)), weightTensor));
    })(tf.tensor(values, shape));
    const numeric = Array.from(values, (_, i) => {
      const eps = 1e-4;
      const plus = Float64Array.from(values);
      const minus = Float64Array.from(values);
      plus[i] += eps;
      minus[i] -= eps;
      // At a tie, central differences see half the slope on each tied member: the equal split of the gradient.
      return (objective(plus) - objective(minus)) / (2 * eps);
    });
    expectClose(grad.dataSync(), numeric, { rtol: 1e-3, atol: 1e-3 });
    tf.dispose([grad, weightTensor]);
  });

  it('leaves no tensors behind, forward and backward', async () => {
    const x = tf.randomNormal([50, 4]);
    const ids = randomIds(rng(3), 50, 9);
    for (const op of OP_NAMES) {
      await expectNoTensorLeak(() => OPS[op](x, ids, 9));
      await expectNoTensorLeak(() => tf.grad((v: tf.Tensor) => tf.sum(OPS[op](v, ids, 9)))(x));
    }
    x.dispose();
  });

  describe('bad arguments throw MgpInputError before any tensor work', () => {
    const bad: Array<[string, unknown, number, SegmentOptions | undefined, RegExp]> = [
      ['negative id', [0, -1, 1], 2, undefined, /segmentIds.*\[0, 1\].*got -1 at index 1/],
      ['id ≥ numSegments', [0, 2, 1], 2, undefined, /segmentIds.*numSegments = 2.*got 2 at index 1/],
      ['non-integer id', [0, 0.5, 1], 2, undefined, /segmentIds.*integer.*got 0.5 at index 1/],
      ['wrong length', [0, 1], 2, undefined, /segmentIds.*length 3.*got length 2/],
      ['not an array', 'abc', 2, undefined, /segmentIds.*rank-1 tensor/],
      ['numSegments 0', [0, 0, 0], 0, undefined, /numSegments.*integer >= 1/],
      ['numSegments non-integer', [0, 0, 0], 1.5, undefined, /numSegments/],
      ['axis out of range', [0, 0], 2, { axis: 2 }, /axis.*\[-2, 1\]/],
      ['unknown implementation', [0, 0, 0], 2, { implementation: 'fast' as never }, /implementation/],
      ['kernel requested but not registered', [0, 0, 0], 2, { implementation: 'kernel' }, /no MgpScatterSum kernel is registered/],
    ];
    it.each(bad)('%s', (_name, ids, numSegments, options, message) => {
      const x = tf.ones([3, 2]);
      const before = tf.memory().numTensors;
      expect(() => segmentSum(x, ids as number[], numSegments, options)).toThrow(MgpInputError);
      expect(() => segmentSum(x, ids as number[], numSegments, options)).toThrow(message);
      expect(tf.memory().numTensors).toBe(before);
      x.dispose();
    });

    it('rejects a rank-2 ids tensor and int ids in a float tensor', () => {
      const x = tf.ones([2, 2]);
      expect(() => segmentSum(x, tf.tensor2d([[0], [1]], undefined, 'int32'), 2)).toThrow(/rank 1/);
      expect(() => segmentSum(x, tf.tensor1d([0, 1.25]), 2)).toThrow(/got 1.25 at index 1/);
      expect(() => segmentSum(tf.ones([2, 2], 'int32'), [0, 1], 2)).toThrow(/float32/);
    });
  });
});

describe('built-in max padding', () => {
  beforeAll(async () => {
    await useTestBackend();
  });

  it('uneven segments of values far below any finite pad keep their exact max; empty segments give -Infinity', () => {
    // Segments of sizes 3, 0, 1, 2 with values down to -1e30: a fixed finite pad (such as -6e4) would win the max.
    const x = tf.tensor1d([-1e30, -2e30, -3e30, -5e29, -7e5, -8e5]);
    const ids = tf.tensor1d([0, 0, 0, 2, 3, 3], 'int32');
    const max = segmentMax(x, ids, 4, { implementation: 'builtin' });
    expect(Array.from(max.dataSync())).toEqual([Math.fround(-1e30), Number.NEGATIVE_INFINITY, Math.fround(-5e29), -7e5]);
    const lse = segmentLogSumExp(x, ids, 4, { implementation: 'builtin' });
    const out = Array.from(lse.dataSync());
    expect(out[1]).toBe(Number.NEGATIVE_INFINITY);
    expectClose(out[3], -7e5, { rtol: 1e-6 });
    tf.dispose([x, ids, max, lse]);
  });
});
