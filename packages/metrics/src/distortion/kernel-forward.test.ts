// The exact distortion loss on host-memory backends: the WebAssembly kernel path (K ≥ 64) against the JavaScript
// loops it replaced, value and gradient, on both host backends; and the loops taking over where the engine lacks
// WebAssembly SIMD.
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostPairLoss } from '../distances/host-pair-loss';
import { METRICS } from '../distances/metric';
import { distanceMatrix, randomCostMatrix, randomMatrix } from '../testing/reference';
import { distortionOfDistances } from './host-loss';
import { distortionLoss } from './loss';
import { multipliesOnHost } from '../simd/gemm-kernels';

const K = 301; // two Gram blocks (200 + 101 rows), rows ending in vector tails
const DIM = 6;
const D = randomCostMatrix(K, 21);
const values = Float32Array.from(D.flat());
const P = randomMatrix(K, DIM, 22);
P[9] = P[2].slice(); // coincident points

function lossAndGradient(loss: (p: tf.Tensor2D) => tf.Scalar): { value: number; gradient: Float32Array } {
  const p = tf.tensor2d(P);
  const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(p);
  const out = { value: value.dataSync()[0], gradient: Float32Array.from(grad.dataSync()) };
  tf.dispose([p, value, grad]);
  return out;
}

describe.each(['cpu', 'wasm'])('on %s', (backend) => {
  it.each(METRICS.flatMap((metric) => [true, false].map((scaleFree) => [metric, scaleFree] as const)))(
    '%s, scale-free %s: the kernels give the loops\' value and gradient',
    async (metric, scaleFree) => {
      await useTestBackend(backend);
      const kernels = lossAndGradient((p) => distortionLoss(p, D, { metric, scaleFree }));
      const loops = lossAndGradient((p) => hostPairLoss(p, metric, distortionOfDistances(values, scaleFree)));
      expectClose(kernels.value, loops.value, { rtol: 1e-5 });
      const scale = Math.max(...loops.gradient.map(Math.abs));
      expectClose(kernels.gradient, loops.gradient, { rtol: 1e-3, atol: 1e-4 * scale });
    },
  );

  it.each([true, false])('an isometric embedding (scale-free %s): a loss of ≈ 0, though the kernels take it from sums of ≈ K² terms', async (scaleFree) => {
    await useTestBackend(backend);
    // Σ (s·a − 1)² comes from s²·Σa² − 2s·Σa + pairs: near 0 it is a difference of numbers near K²/2.
    const points = randomMatrix(K, 3, 23, 3);
    const costs = distanceMatrix(points, points, 'euclidean');
    const scaled = points.map((row) => row.map((v) => v * 2.5));
    const p = tf.tensor2d(scaleFree ? scaled : points);
    const kernels = distortionLoss(p, costs, { scaleFree });
    const loops = hostPairLoss(p, 'euclidean', distortionOfDistances(Float32Array.from(costs.flat()), scaleFree));
    const [got, want] = [kernels.dataSync()[0], loops.dataSync()[0]];
    expect(got).toBeGreaterThanOrEqual(0);
    expect(want).toBeLessThan(1e-6);
    expectClose(got, want, { atol: 1e-10 });
    tf.dispose([p, kernels, loops]);
  });

  it('leaves no tensors behind, and repeated steps give the same result (the kept costs are reused)', async () => {
    await useTestBackend(backend);
    const first = lossAndGradient((p) => distortionLoss(p, D));
    await expectNoTensorLeak(() => {
      const p = tf.tensor2d(P);
      const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D))(p);
      tf.dispose([p, value, grad]);
    });
    const again = lossAndGradient((p) => distortionLoss(p, D));
    expect(again.value).toBe(first.value);
    expect(again.gradient).toEqual(first.gradient);
  });
});

describe('on wasm beyond 1,536 classes', () => {
  it('multiplies with tfjs (XNNPACK) instead of the SIMD product, with the loops\' value and gradient', async () => {
    await useTestBackend('wasm');
    const k = 1601; // the Gram blocks from tfjs's heap, read in place, then staged for the kernels
    expect(multipliesOnHost(k)).toBe(false);
    expect(multipliesOnHost(K)).toBe(true);
    const costs = randomCostMatrix(k, 31);
    const points = randomMatrix(k, 4, 32);
    const run = (loss: (p: tf.Tensor2D) => tf.Scalar) => {
      const p = tf.tensor2d(points);
      const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(p);
      const out = { value: value.dataSync()[0], gradient: Float32Array.from(grad.dataSync()) };
      tf.dispose([p, value, grad]);
      return out;
    };
    const kernels = run((p) => distortionLoss(p, costs));
    const loops = run((p) => hostPairLoss(p, 'euclidean', distortionOfDistances(Float32Array.from(costs.flat()), true)));
    expectClose(kernels.value, loops.value, { rtol: 1e-5 });
    const scale = Math.max(...loops.gradient.map(Math.abs));
    expectClose(kernels.gradient, loops.gradient, { rtol: 1e-3, atol: 1e-4 * scale });
  });
});

describe('without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('runs the JavaScript loops, with the same result', async () => {
    await useTestBackend('wasm');
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    const kernels = await import('../simd/pair-kernels');
    expect(kernels.pairWorkspace(K)).toBeNull();
    const fresh = await import('./loss');
    const loops = lossAndGradient((p) => hostPairLoss(p, 'euclidean', distortionOfDistances(values, true)));
    const fallback = lossAndGradient((p) => fresh.distortionLoss(p, D));
    expect(fallback.value).toBe(loops.value);
    expect(fallback.gradient).toEqual(loops.gradient);
  });
});
