// Property: on any shape, axis and segmentation, every scatter kernel equals the built-in path (1e-5).
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '@mgp/test-utils';
import { FACADE_OPS, KERNEL_OPS, OP_NAMES } from './testing/checks';
import { mismatch } from './testing/reference';

const problem = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
    axisSeed: fc.nat(),
    numSegments: fc.integer({ min: 1, max: 12 }),
    seed: fc.nat(),
  })
  .chain(({ shape, axisSeed, numSegments, seed }) => {
    const axis = axisSeed % shape.length;
    const size = shape.reduce((a, b) => a * b, 1);
    return fc.record({
      shape: fc.constant(shape),
      axis: fc.constant(axis),
      numSegments: fc.constant(numSegments),
      ids: fc.array(fc.integer({ min: 0, max: numSegments - 1 }), { minLength: shape[axis], maxLength: shape[axis] }),
      values: fc.array(fc.float({ min: -3, max: 3, noNaN: true, noDefaultInfinity: true }), { minLength: size, maxLength: size }),
      op: fc.constantFrom(...OP_NAMES),
      seed: fc.constant(seed),
    });
  });

describe.each(['cpu', 'wasm'])('scatter kernels = built-in path, property-based, on %s', (backend) => {
  beforeAll(async () => {
    await useTestBackend(backend);
  });

  it('holds for random shapes, axes, segmentations and values', () => {
    fc.assert(
      fc.property(problem, ({ shape, axis, numSegments, ids, values, op }) => {
        const out = tf.tidy(() => {
          const x = tf.tensor(values, shape);
          const kernel = KERNEL_OPS[op](x, ids, numSegments, { axis });
          const builtin = FACADE_OPS[op](x, ids, numSegments, { axis, implementation: 'builtin' });
          return [kernel.dataSync(), builtin.dataSync(), kernel.shape, builtin.shape] as const;
        });
        expect(out[2]).toEqual(out[3]);
        expect(mismatch(out[0], out[1])).toBe('equal');
      }),
      { numRuns: 150, seed: 20240611 },
    );
  });
});
