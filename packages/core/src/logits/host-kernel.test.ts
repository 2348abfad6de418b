// The cpu backend's fused host op (./host-kernel) against the kernel chain (./kernel) that every other backend
// runs (here wasm): same logits and gradients for every metric, at a size where the rows span many cache lines,
// with an embedding equal to a prototype (the euclidean subgradient) and a zero embedding (the cosine floor).
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { prototypeLogits } from './prototype-logits';
import { randomMatrix } from '../test-support';
import { PROTOTYPE_METRICS, type PrototypeMetric } from './metric';

const N = 40;
const K = 70;
const D = 24;
const P = randomMatrix(K, D, 21);
const X = randomMatrix(N, D, 22);
X[5] = P[9].slice();
X[6] = new Array(D).fill(0);
const DY = randomMatrix(N, K, 23);

function logitsAndGrads(backend: string, metric: PrototypeMetric, logitsOf = prototypeLogits) {
  return tf.tidy(() => {
    const f = (x: tf.Tensor, p: tf.Tensor) => tf.sum(tf.mul(logitsOf(x as tf.Tensor2D, p as tf.Tensor2D, { metric, delta: 0.7 }), tf.tensor2d(DY)));
    const x = tf.tensor2d(X);
    const p = tf.tensor2d(P);
    const [gx, gp] = tf.grads(f)([x, p]);
    expect(tf.getBackend()).toBe(backend);
    return {
      logits: logitsOf(x, p, { metric, delta: 0.7 }).arraySync() as number[][],
      gx: gx.arraySync() as number[][],
      gp: gp.arraySync() as number[][],
    };
  });
}

afterAll(async () => {
  await useTestBackend();
});

describe('prototype logits on cpu (fused host op) and wasm (kernel chain)', () => {
  it.each(PROTOTYPE_METRICS)('agree on logits and both gradients (%s)', async (metric) => {
    await useTestBackend('cpu');
    const host = logitsAndGrads('cpu', metric);
    await useTestBackend('wasm');
    const chain = logitsAndGrads('wasm', metric);
    expectClose(host.logits, chain.logits, { rtol: 1e-4, atol: 1e-5 });
    expectClose(host.gx, chain.gx, { rtol: 1e-3, atol: 1e-4 });
    expectClose(host.gp, chain.gp, { rtol: 1e-3, atol: 1e-4 });
    for (const g of [...host.gx.flat(), ...host.gp.flat()]) expect(Number.isFinite(g)).toBe(true);
  });

  it('leaves no tensors behind on cpu, forward or backward', async () => {
    await useTestBackend('cpu');
    const x = tf.tensor2d(X);
    const p = tf.tensor2d(P);
    for (const metric of PROTOTYPE_METRICS) {
      await expectNoTensorLeak(() => prototypeLogits(x, p, { metric }));
      await expectNoTensorLeak(() =>
        tf.dispose(tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(prototypeLogits(a as tf.Tensor2D, b as tf.Tensor2D, { metric })))([x, p])),
      );
    }
    tf.dispose([x, p]);
  });
});

describe('prototype logits on cpu without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it.each(PROTOTYPE_METRICS)('take tfjs\'s products, with the SIMD products\' logits and gradients (%s)', async (metric) => {
    await useTestBackend('cpu');
    const simd = logitsAndGrads('cpu', metric);
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    const metrics = await import('@mgp/metrics');
    expect(metrics.hostMatMul({ values: new Float32Array(4), shape: [2, 2] }, { values: new Float32Array(4), shape: [2, 2] })).toBeNull();
    const fresh = await import('./prototype-logits');
    const loops = logitsAndGrads('cpu', metric, fresh.prototypeLogits);
    expectClose(loops.logits, simd.logits, { rtol: 1e-5, atol: 1e-6 });
    expectClose(loops.gx, simd.gx, { rtol: 1e-4, atol: 1e-5 });
    expectClose(loops.gp, simd.gp, { rtol: 1e-4, atol: 1e-5 });
  });
});
