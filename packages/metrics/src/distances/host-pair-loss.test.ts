// The host-memory path of the exact losses against the K×K kernel chain (what GPU backends run), on both host
// backends, with K large enough for several Gram blocks (200 rows each), coincident points and every metric; and the
// rank loss's WebAssembly K² path against its JavaScript loops.
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, expectNoTensorOfShape, useTestBackend } from '@mgp/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { distortionLoss } from '../distortion/loss';
import { matrixDistortionLoss } from '../distortion/matrix-loss';
import { inverseOffDiagonal } from '../internal/cost-tensors';
import { tensorsInHostMemory } from '../internal/host-memory';
import { sampleTriplets } from '../random';
import { rankLoss, tripletRankLoss } from '../rank/rank-loss';
import { randomCostMatrix, randomMatrix, referenceDistortion } from '../testing/reference';
import { pairKernelLoansOut } from '../simd/pair-kernels';
import { rankKernelLoansOut } from '../simd/rank-kernels';
import { METRICS } from './metric';

const K = 550; // three row blocks (200, 200, 150): diagonal and off-diagonal blocks, a short last block
const DIM = 8;

function lossAndGradient(loss: (p: tf.Tensor2D) => tf.Scalar, points: tf.Tensor2D): { value: number; gradient: number[][] } {
  const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(points);
  const out = { value: value.dataSync()[0], gradient: grad.arraySync() as number[][] };
  tf.dispose([value, grad]);
  return out;
}

describe.each(['cpu', 'wasm'])('on %s', (backend) => {
  const D = randomCostMatrix(K, 11);
  const values = Float32Array.from(D.flat());
  const P = randomMatrix(K, DIM, 12);
  P[7] = P[3].slice(); // coincident prototypes: d = 0, where the euclidean gradient takes its subgradient 0
  P[300] = P[3].slice(); // ... across two blocks

  it('is the path distortionLoss takes there', async () => {
    await useTestBackend(backend);
    expect(tensorsInHostMemory()).toBe(true);
  });

  it.each(METRICS.flatMap((metric) => [true, false].map((scaleFree) => [metric, scaleFree] as const)))(
    'distortionLoss (%s, scale-free %s): same value and gradient as the kernel chain',
    async (metric, scaleFree) => {
      await useTestBackend(backend);
      const p = tf.tensor2d(P);
      const inv = inverseOffDiagonal(values, K);
      const host = lossAndGradient((x) => distortionLoss(x, D, { metric, scaleFree }), p);
      const chain = lossAndGradient((x) => matrixDistortionLoss(x, inv, scaleFree, metric), p);
      // The host path sums in float64: closer to the reference than the chain's float32 sums over K² terms.
      const reference = referenceDistortion(P, D, metric, scaleFree);
      expectClose(host.value, reference, { rtol: 2e-5 });
      expectClose(chain.value, reference, { rtol: 1e-3 });
      expectClose(host.gradient, chain.gradient, { rtol: 1e-3, atol: 1e-7 });
      expect(host.gradient.flat().some((g) => g !== 0)).toBe(true);
      tf.dispose([p, inv]);
    },
  );

  it.each(METRICS)('rankLoss with many triplets (%s): same value and gradient as the K×K matrix path', async (metric) => {
    await useTestBackend(backend);
    const triplets = sampleTriplets(K, 50_000, 5);
    const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));
    const p = tf.tensor2d(P);
    const host = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'host'), p);
    const matrix = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'matrix'), p);
    const rows = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'rows'), p);
    expectClose(host.value, matrix.value, { rtol: 1e-4 });
    expectClose(host.gradient, matrix.gradient, { rtol: 1e-3, atol: 1e-6 });
    expectClose(host.value, rows.value, { rtol: 1e-4 });
    tf.dispose(p);
  });

  it.each(METRICS)('rankLoss, on the K² path (wasm, cosine) or the triplet loop, gives the matrix path\'s value and gradient (%s)', async (metric) => {
    await useTestBackend(backend);
    // T·d = 2.6·K²: beyond wasm's crossover for the cosine loop (1.5), so wasm takes the K² path there, with its
    // triplets grouped by anchor; the radial metrics' SIMD loop (12) and cpu (4, 10) still loop.
    const count = 100_000;
    const drawn = sampleTriplets(K, count, 8);
    const signs = Float32Array.from(drawn.i, (i, t) => (D[i][drawn.j[t]] > D[i][drawn.k[t]] ? -1 : 1));
    const p = tf.tensor2d(P);
    const auto = lossAndGradient((x) => rankLoss(x, D, { numTriplets: count, seed: 8 }, { metric }), p);
    const matrix = lossAndGradient((x) => tripletRankLoss(x, drawn, signs, metric, 'matrix'), p);
    expectClose(auto.value, matrix.value, { rtol: 1e-4 });
    expectClose(auto.gradient, matrix.gradient, { rtol: 1e-3, atol: 1e-6 });
    tf.dispose(p);
  });

  it.each(METRICS)('rankLoss on the K² path with triplets that repeat their anchor (%s): same as the matrix path', async (metric) => {
    await useTestBackend(backend);
    // Given triplets may repeat a class: d_ii = 0 on the diagonal, and the loop's writes there must be ignored.
    const drawn = sampleTriplets(K, 20_000, 9);
    for (let t = 0; t < drawn.i.length; t += 7) drawn.j[t] = drawn.i[t];
    for (let t = 3; t < drawn.i.length; t += 11) drawn.k[t] = drawn.i[t];
    const signs = Float32Array.from(drawn.i, (i, t) => (D[i][drawn.j[t]] > D[i][drawn.k[t]] ? -1 : 1));
    const p = tf.tensor2d(P);
    const host = lossAndGradient((x) => tripletRankLoss(x, drawn, signs, metric, 'host'), p);
    const matrix = lossAndGradient((x) => tripletRankLoss(x, drawn, signs, metric, 'matrix'), p);
    expectClose(host.value, matrix.value, { rtol: 1e-4 });
    expectClose(host.gradient, matrix.gradient, { rtol: 1e-3, atol: 1e-6 });
    tf.dispose(p);
  });

  it.each(METRICS)('rankLoss on the K² path after a call with more classes (%s): still the matrix path\'s value and gradient', async (metric) => {
    await useTestBackend(backend);
    // Kernel memory keeps what the larger call left; triplets that repeat a class read the diagonal d_ii = 0.
    const first = tf.tensor2d(P);
    tf.dispose(tripletRankLoss(first, sampleTriplets(K, 20_000, 27), new Float32Array(20_000).fill(1), metric, 'host'));
    const small = 97;
    const drawn = sampleTriplets(small, 5_001, 28);
    for (let t = 0; t < drawn.i.length; t += 5) drawn.j[t] = drawn.i[t];
    const signs = Float32Array.from(drawn.i, (i, t) => (D[i][drawn.j[t]] > D[i][drawn.k[t]] ? -1 : 1));
    const p = tf.tensor2d(P.slice(0, small));
    const host = lossAndGradient((x) => tripletRankLoss(x, drawn, signs, metric, 'host'), p);
    const matrix = lossAndGradient((x) => tripletRankLoss(x, drawn, signs, metric, 'matrix'), p);
    expectClose(host.value, matrix.value, { rtol: 1e-4 });
    expectClose(host.gradient, matrix.gradient, { rtol: 1e-3, atol: 1e-6 });
    tf.dispose([first, p]);
  });

  it.each(METRICS)('two exact losses in one recorded step (%s): each backward reads its own W, though later calls took the kernel memory', async (metric) => {
    await useTestBackend(backend);
    // W waits for the backward pass in kernel memory, lent: the second distortion call writes over it (same K), the
    // third grows the memory (more classes), the rank loss's kernels are another module. The sum's gradient must be
    // the sum of the gradients taken one at a time.
    const D2 = randomCostMatrix(K, 31);
    const larger = 2 * K;
    const D3 = randomCostMatrix(larger, 32);
    const p = tf.variable(tf.tensor2d(P));
    const q = tf.variable(tf.tensor2d(randomMatrix(larger, DIM, 33)));
    const triplets = sampleTriplets(K, 20_000, 34);
    const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));
    const terms: Array<() => tf.Scalar> = [
      () => distortionLoss(p, D, { metric }),
      () => distortionLoss(p, D2, { metric, scaleFree: false }),
      () => distortionLoss(q, D3, { metric }),
      () => tripletRankLoss(p, triplets, signs, metric, 'host'),
    ];
    const alone = terms.map((term) => tf.variableGrads(term, [p, q]));
    const together = tf.variableGrads(() => tf.addN(terms.map((term) => term())) as tf.Scalar, [p, q]);
    expectClose(together.value.dataSync()[0], alone.reduce((sum, { value }) => sum + value.dataSync()[0], 0), { rtol: 1e-6 });
    for (const v of [p, q]) {
      const summed = tf.addN(alone.map(({ grads }) => grads[v.name] ?? tf.zerosLike(v)));
      expectClose(together.grads[v.name].arraySync() as number[][], summed.arraySync() as number[][], { rtol: 1e-5, atol: 1e-9 });
      summed.dispose();
    }
    // Every backward pass ended its loan.
    expect(pairKernelLoansOut()).toBe(0);
    expect(rankKernelLoansOut()).toBe(0);
    tf.dispose([p, q, together.value, ...Object.values(together.grads), ...alone.flatMap(({ value, grads }) => [value, ...Object.values(grads)])]);
  });

  it('lends W only to a backward pass that was recorded', async () => {
    await useTestBackend(backend);
    const p = tf.tensor2d(P);
    // Outside tf.grad nothing will read W: lending it would cost a K×K copy at the next call.
    tf.tidy(() => distortionLoss(p, D));
    tf.tidy(() => tripletRankLoss(p, sampleTriplets(K, 20_000, 35), new Float32Array(20_000).fill(1), 'euclidean', 'host'));
    expect(pairKernelLoansOut()).toBe(0);
    expect(rankKernelLoansOut()).toBe(0);
    // Recorded, then never back-propagated (a loss off the path to the output): its loan is out until a call takes the memory.
    const y = tf.ones([3]);
    tf.dispose(tf.grad((x: tf.Tensor) => {
      distortionLoss(p, D);
      return tf.sum(tf.square(x));
    })(y));
    y.dispose();
    expect(pairKernelLoansOut()).toBe(1);
    tf.dispose(tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D))(p));
    expect(pairKernelLoansOut()).toBe(0);
    p.dispose();
  });

  it('builds no [K, K, d] tensor and leaves no tensors behind', async () => {
    await useTestBackend(backend);
    const p = tf.tensor2d(P);
    const triplets = sampleTriplets(K, 50_000, 6);
    const signs = new Float32Array(triplets.i.length).fill(1);
    for (const metric of METRICS) {
      await expectNoTensorOfShape(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric }))(p), [[K, K, DIM]]);
      await expectNoTensorLeak(() => tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, D, { metric }))(p));
      await expectNoTensorLeak(() => tf.grad((x: tf.Tensor) => tripletRankLoss(x as tf.Tensor2D, triplets, signs, metric, 'host'))(p));
    }
    p.dispose();
  });
});

describe('the exact losses without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it.each(METRICS)('%s: the JavaScript loops give the kernels\' value and gradient', async (metric) => {
    await useTestBackend('wasm');
    const D = randomCostMatrix(K, 21);
    const P = randomMatrix(K, DIM, 22);
    P[7] = P[3].slice();
    const triplets = sampleTriplets(K, 30_001, 23);
    for (let t = 0; t < triplets.i.length; t += 13) triplets.j[t] = triplets.i[t];
    const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));
    const p = tf.tensor2d(P);
    const kernels = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'host'), p);
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    expect((await import('../simd/rank-kernels')).rankWorkspace(K, 10, false)).toBeNull();
    const fresh = await import('../rank/rank-loss');
    const loops = lossAndGradient((x) => fresh.tripletRankLoss(x, triplets, signs, metric, 'host'), p);
    // The kernels' exponentials are float32 ones; their gradient entries are float32 sums in another order.
    expectClose(kernels.value, loops.value, { rtol: 1e-6 });
    expectClose(kernels.gradient, loops.gradient, { rtol: 1e-4, atol: 1e-7 });
    expect(kernels.gradient.flat().some((g) => g !== 0)).toBe(true);
    p.dispose();
  });

  it.each(METRICS)('distortionLoss on cpu (%s): tfjs\'s products give the SIMD products\' value and gradient', async (metric) => {
    await useTestBackend('cpu');
    const D = randomCostMatrix(K, 27);
    const p = tf.tensor2d(randomMatrix(K, DIM, 28));
    const simd = lossAndGradient((x) => distortionLoss(x, D, { metric }), p);
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    const fresh = await import('../distortion/loss');
    const plain = lossAndGradient((x) => fresh.distortionLoss(x, D, { metric }), p);
    expectClose(plain.value, simd.value, { rtol: 1e-5 });
    expectClose(plain.gradient, simd.gradient, { rtol: 1e-3, atol: 1e-7 });
    expect(simd.gradient.flat().some((g) => g !== 0)).toBe(true);
    p.dispose();
  });

  it('rankLoss with D as a function of class pairs: the value and gradient of D as a matrix', async () => {
    await useTestBackend('wasm');
    const D = randomCostMatrix(K, 24);
    const p = tf.tensor2d(randomMatrix(K, DIM, 25));
    // T·d = 5.3·K²: the K² path for the cosine on wasm (beyond its loop's crossover, 1.5).
    const sampling = { numTriplets: 200_000, seed: 26, metric: 'cosine' as const };
    const pairs = (i: Int32Array, j: Int32Array) => Float32Array.from(i, (a, t) => D[a][j[t]]);
    const matrix = lossAndGradient((x) => rankLoss(x, D, sampling), p);
    const lookup = lossAndGradient((x) => rankLoss(x, pairs, sampling), p);
    expect(lookup.value).toBe(matrix.value);
    expect(lookup.gradient).toEqual(matrix.gradient);
    p.dispose();
  });
});
