// Bad ids and arguments: MgpInputError, thrown before any tensor work.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '@mgp/test-utils';
import { MgpInputError } from '@mgp/metrics';
import { scatterLogSumExp, scatterMax, scatterMean, scatterSoftmax, scatterSum, MgpScatterSum } from './index';

const OPS = { scatterSum, scatterMean, scatterMax, scatterLogSumExp, scatterSoftmax };

const BAD: Array<[string, unknown, number, number | undefined, RegExp]> = [
  ['negative id', [0, -1, 1], 2, undefined, /'segmentIds' must hold ids in \[0, 1\].*got -1 at index 1/],
  ['id ≥ numSegments', [0, 2, 1], 2, undefined, /'segmentIds'.*numSegments = 2.*got 2 at index 1/],
  ['non-integer id', [0, 0.5, 1], 2, undefined, /'segmentIds' must hold integer segment ids; got 0.5 at index 1/],
  ['NaN id', [0, Number.NaN, 1], 2, undefined, /got NaN at index 1/],
  ['too few ids', [0, 1], 2, undefined, /'segmentIds' must have length 3.*got length 2/],
  ['too many ids', [0, 1, 1, 0], 2, undefined, /'segmentIds' must have length 3/],
  ['ids not an array', { 0: 1 }, 2, undefined, /'segmentIds' must be a rank-1 tensor/],
  ['numSegments 0', [0, 0, 0], 0, undefined, /'numSegments' must be an integer >= 1/],
  ['numSegments NaN', [0, 0, 0], Number.NaN, undefined, /'numSegments'/],
  ['axis out of range', [0, 0], 2, 2, /'axis' must be an integer in \[-2, 1\]/],
  ['ids length vs axis 1', [0, 0, 0], 2, 1, /'segmentIds' must have length 2/],
];

describe.each(['cpu', 'wasm'])('bad arguments on %s', (backend) => {
  beforeAll(async () => {
    await useTestBackend(backend);
  });

  describe.each(Object.entries(OPS))('%s', (name, op) => {
    it.each(BAD)('%s', (_case, ids, numSegments, axis, message) => {
      const x = tf.ones([3, 2]);
      const before = tf.memory().numTensors;
      const call = () => op(x, ids as number[], numSegments, { axis });
      expect(call).toThrow(MgpInputError);
      expect(call).toThrow(message);
      expect(call).toThrow(new RegExp(`^${name}: `));
      expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
      x.dispose();
    });
  });

  it('rejects a non-float x, a rank-2 ids tensor, and a float ids tensor holding non-integers', () => {
    expect(() => scatterSum(tf.ones([2, 2], 'int32'), [0, 1], 2)).toThrow(/'x' must be float32/);
    expect(() => scatterSum(tf.ones([2, 2]), tf.tensor2d([[0], [1]], undefined, 'int32'), 2)).toThrow(/'segmentIds' must have rank 1/);
    expect(() => scatterSum(tf.ones([2, 2]), tf.tensor1d([0, 0.25]), 2)).toThrow(/got 0.25 at index 1/);
  });

  it('the kernel itself rejects bad ids when run directly through runKernel', () => {
    const x = tf.ones([3, 2]);
    const ids = tf.tensor1d([0, 5, 1], 'int32');
    expect(() => tf.engine().runKernel(MgpScatterSum, { x, segmentIds: ids }, { numSegments: 2, axis: 0 })).toThrow(MgpInputError);
    tf.dispose([x, ids]);
  });
});
