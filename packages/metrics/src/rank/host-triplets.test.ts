// The triplet-by-triplet host rank loss against the gathered-rows path (tfjs autograd) and an independent float64
// reference, on both host backends, for every metric, with coincident points, a zero vector and repeated classes.
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, expectNoTensorLeak, expectNoTensorOfShape, useTestBackend } from '@mgp/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METRICS } from '../distances/metric';
import { sampleTriplets, type ClassTriplets } from '../random';
import { distance, randomCostMatrix, randomMatrix } from '../testing/reference';
import { tripletRankLoss } from './rank-loss';

const K = 40;
const DIM = 6;

function pointsWithEdgeCases() {
  const P = randomMatrix(K, DIM, 31);
  P[5] = P[2].slice(); // coincident points: d = 0 (the euclidean gradient takes its subgradient 0)
  P[9] = new Array(DIM).fill(0); // a zero vector: the cosine norm is clamped
  return P;
}

/** Drawn triplets plus ones that pair a class with itself (d = 0, no gradient) and the coincident points. */
function trianglesWithRepeats(count: number): ClassTriplets {
  const drawn = sampleTriplets(K, count, 32);
  const extra = [
    [3, 3, 7],
    [4, 8, 4],
    [2, 5, 9],
    [9, 2, 5],
  ];
  const join = (a: Int32Array, b: number[]) => Int32Array.from([...a, ...b]);
  return {
    i: join(drawn.i, extra.map((t) => t[0])),
    j: join(drawn.j, extra.map((t) => t[1])),
    k: join(drawn.k, extra.map((t) => t[2])),
  };
}

function lossAndGradient(loss: (p: tf.Tensor2D) => tf.Scalar, points: tf.Tensor2D) {
  const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(points);
  const out = { value: value.dataSync()[0], gradient: grad.arraySync() as number[][] };
  tf.dispose([value, grad]);
  return out;
}

describe.each(['cpu', 'wasm'])('rank loss triplet by triplet, on %s', (backend) => {
  const P = pointsWithEdgeCases();
  const D = randomCostMatrix(K, 33);
  const triplets = trianglesWithRepeats(3000);
  const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));

  it.each(METRICS)('%s: same value and gradient as the gathered rows, value as a float64 reference', async (metric) => {
    await useTestBackend(backend);
    const p = tf.tensor2d(P);
    const host = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'triplets'), p);
    const rows = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'rows'), p);
    let reference = 0;
    for (let t = 0; t < signs.length; t++) {
      const [i, j, l] = [triplets.i[t], triplets.j[t], triplets.k[t]];
      const x = signs[t] * (distance(P[i], P[j], metric) - distance(P[i], P[l], metric));
      reference += Math.log1p(Math.exp(-Math.abs(x))) + Math.max(x, 0);
    }
    expectClose(host.value, reference / signs.length, { rtol: 1e-6 });
    expectClose(host.value, rows.value, { rtol: 1e-5 });
    expectClose(host.gradient, rows.gradient, { rtol: 1e-4, atol: 1e-7 });
    expect(host.gradient.flat().some((g) => g !== 0)).toBe(true);
    p.dispose();
  });

  it('is what rankLoss picks just above T·d = K²: no K×K tensor, and no tensor left behind', async () => {
    await useTestBackend(backend);
    const k = 64;
    const p = tf.tensor2d(randomMatrix(k, 16, 34));
    const many = sampleTriplets(k, 380, 35); // T·d = 6,080: about 1.5·K²
    const manySigns = new Float32Array(many.i.length).fill(1);
    for (const metric of METRICS) {
      const grad = () => tf.grad((x: tf.Tensor) => tripletRankLoss(x as tf.Tensor2D, many, manySigns, metric))(p);
      await expectNoTensorOfShape(grad, [[k, k]]);
      await expectNoTensorLeak(grad);
      await expectNoTensorLeak(() => tripletRankLoss(p, many, manySigns, metric, 'triplets'));
    }
    p.dispose();
  });
});

describe('rank loss triplet by triplet without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it.each(['euclidean', 'sqeuclidean'] as const)('%s: the JavaScript loops give the kernels\' value and gradient', async (metric) => {
    await useTestBackend('wasm');
    const P = pointsWithEdgeCases();
    const D = randomCostMatrix(K, 33);
    const triplets = trianglesWithRepeats(3000);
    const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));
    const p = tf.tensor2d(P);
    const kernels = lossAndGradient((x) => tripletRankLoss(x, triplets, signs, metric, 'triplets'), p);
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    expect((await import('../simd/triplet-kernels')).tripletWorkspace(K, DIM, 10)).toBeNull();
    const fresh = await import('./rank-loss');
    const loops = lossAndGradient((x) => fresh.tripletRankLoss(x, triplets, signs, metric, 'triplets'), p);
    expectClose(loops.value, kernels.value, { rtol: 1e-7 });
    expectClose(loops.gradient, kernels.gradient, { rtol: 1e-5, atol: 1e-8 });
    p.dispose();
  });
});
