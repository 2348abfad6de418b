// The Chromium test page (built by @mgp/browser-harness): the exact distortion and rank losses on tfjs-webgl, their
// shader passes against the chains of tfjs kernels and float64 references; the rank loss's WebAssembly K² path,
// compiled on the page's main thread; and the SIMD product on its relaxed-SIMD kernel.
import * as tf from '@tensorflow/tfjs';
import { exposeTests } from '@mgp/browser-harness/page';
import { METRICS, type Metric } from '../distances/metric';
import { distortionLoss } from '../distortion/loss';
import { matrixDistortionLoss } from '../distortion/matrix-loss';
import { inverseOffDiagonal } from '../internal/cost-tensors';
import { sampleTriplets, type ClassTriplets } from '../random';
import { groupByAnchor } from '../rank/anchor-order';
import { rankLoss, tripletRankLoss } from '../rank/rank-loss';
import { multipliesWithRelaxedSimd } from '../simd/gemm-kernels';
import { hostMatMul } from '../simd/host-matmul';
import { simdKernelsAvailable } from '../simd/pair-kernels';
import { rankKernelsAvailable } from '../simd/rank-kernels';
import { runsShaderPrograms } from '../webgl/run-program';
import { distance, randomCostMatrix, randomMatrix, referenceDistortion, type Matrix } from './reference';

const K = 301;
const DIM = 6;

function valueAndGradient(loss: (p: tf.Tensor2D) => tf.Scalar, P: Matrix): { value: number; gradient: Float32Array } {
  const p = tf.tensor2d(P);
  const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(p);
  const out = { value: value.dataSync()[0], gradient: Float32Array.from(grad.dataSync()) };
  tf.dispose([p, value, grad]);
  return out;
}

/** max |x − y| / max |y|. */
function gradientError(x: Float32Array, y: Float32Array): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < y.length; i++) {
    worst = Math.max(worst, Math.abs(x[i] - y[i]));
    scale = Math.max(scale, Math.abs(y[i]));
  }
  return worst / scale;
}

/** Drawn triplets plus ones that repeat their anchor (d = 0, no gradient on that side) and the coincident points. */
function withRepeats(drawn: ClassTriplets): ClassTriplets {
  const extra = [[3, 3, 7], [4, 8, 4], [2, 9, 5], [9, 2, 5], [6, 6, 6]];
  const join = (a: Int32Array, b: number[]) => Int32Array.from([...a, ...b]);
  return { i: join(drawn.i, extra.map((t) => t[0])), j: join(drawn.j, extra.map((t) => t[1])), k: join(drawn.k, extra.map((t) => t[2])) };
}

/** The rank loss in float64 (a pair of a class with itself at distance 0). */
function referenceRank(P: Matrix, { i, j, k }: ClassTriplets, signs: Float32Array, metric: Metric): number {
  const d = (a: number, b: number) => (a === b ? 0 : distance(P[a], P[b], metric));
  let total = 0;
  for (let t = 0; t < signs.length; t++) {
    const x = signs[t] * (d(i[t], j[t]) - d(i[t], k[t]));
    total += Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
  return total / signs.length;
}

exposeTests({
  async environment() {
    await tf.setBackend('webgl');
    await tf.ready();
    return { backend: tf.getBackend(), shaders: runsShaderPrograms(), float32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') };
  },
  async distortion() {
    await tf.setBackend('webgl');
    const rows = [];
    // An odd K (padded packed textures) with D given as arrays, and an even K with D already a tensor on the GPU.
    for (const { k, onDevice } of [{ k: K, onDevice: false }, { k: 64, onDevice: true }]) {
      const D = randomCostMatrix(k, 31);
      const P = randomMatrix(k, DIM, 32);
      P[9] = P[2].slice(); // coincident points: the euclidean W is 0 there, not ±∞
      const cost = onDevice ? tf.tidy(() => tf.mul(tf.tensor2d(D), 1) as tf.Tensor2D) : D;
      const inv = inverseOffDiagonal(Float32Array.from(D.flat()), k);
      for (const metric of METRICS) {
        for (const scaleFree of [true, false]) {
          const shaders = valueAndGradient((p) => distortionLoss(p, cost, { metric, scaleFree }), P);
          const chain = valueAndGradient((p) => matrixDistortionLoss(p, inv, scaleFree, metric), P);
          const reference = referenceDistortion(P, D, metric, scaleFree);
          rows.push({
            k,
            metric,
            scaleFree,
            valueError: Math.abs(shaders.value - reference) / reference,
            chainValueError: Math.abs(chain.value - reference) / reference,
            gradientError: gradientError(shaders.gradient, chain.gradient),
            finite: shaders.gradient.every(Number.isFinite),
          });
        }
      }
      tf.dispose([inv, ...(cost instanceof tf.Tensor ? [cost] : [])]);
    }
    return rows;
  },
  async rank() {
    await tf.setBackend('webgl');
    const rows = [];
    for (const k of [K, 64]) {
      const P = randomMatrix(k, DIM, 35);
      P[9] = P[2].slice(); // coincident points: the euclidean W is 0 there, not ±∞
      const D = randomCostMatrix(k, 36);
      const triplets = withRepeats(sampleTriplets(k, 40 * k, 37));
      const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));
      for (const metric of METRICS) {
        const shaders = valueAndGradient((p) => tripletRankLoss(p, triplets, signs, metric, 'shader'), P);
        const chain = valueAndGradient((p) => tripletRankLoss(p, triplets, signs, metric, 'matrix'), P);
        rows.push({
          k,
          metric,
          valueError: Math.abs(shaders.value - referenceRank(P, triplets, signs, metric)) / shaders.value,
          gradientError: gradientError(shaders.gradient, chain.gradient),
          finite: shaders.gradient.every(Number.isFinite),
        });
      }
    }
    return rows;
  },
  async drawnRank() {
    // rankLoss drawing its triplets for the shader path (handed over as views of the draws' kernel memory) against
    // the same seeded triplets drawn apart, grouped and ordered here.
    await tf.setBackend('webgl');
    const P = randomMatrix(K, DIM, 41);
    const D = randomCostMatrix(K, 42);
    const count = 20_000; // T·d > K²/4: the shader path
    const drawn = groupByAnchor(sampleTriplets(K, count, 43), K);
    const signs = Float32Array.from(drawn.i, (i, t) => (D[i][drawn.j[t]] > D[i][drawn.k[t]] ? -1 : 1));
    const auto = valueAndGradient((p) => rankLoss(p, D, { numTriplets: count, seed: 43 }), P);
    const apart = valueAndGradient((p) => tripletRankLoss(p, drawn, signs, 'euclidean', 'shader'), P);
    return { value: auto.value, expected: apart.value, gradientError: gradientError(auto.gradient, apart.gradient) };
  },
  async hostKernels() {
    // tfjs-cpu keeps tensors in host memory, where the K² path runs the kernel modules.
    await tf.setBackend('cpu');
    const P = randomMatrix(K, DIM, 38);
    P[9] = P[2].slice();
    const D = randomCostMatrix(K, 39);
    const triplets = withRepeats(sampleTriplets(K, 40 * K, 40));
    const signs = Float32Array.from(triplets.i, (i, t) => (D[i][triplets.j[t]] > D[i][triplets.k[t]] ? -1 : 1));
    const rows = METRICS.map((metric) => {
      const kernels = valueAndGradient((p) => tripletRankLoss(p, triplets, signs, metric, 'host'), P);
      const chain = valueAndGradient((p) => tripletRankLoss(p, triplets, signs, metric, 'matrix'), P);
      return {
        metric,
        valueError: Math.abs(kernels.value - referenceRank(P, triplets, signs, metric)) / kernels.value,
        gradientError: gradientError(kernels.gradient, chain.gradient),
        finite: kernels.gradient.every(Number.isFinite),
      };
    });
    return { pairKernels: simdKernelsAvailable(), rankKernels: rankKernelsAvailable(), rows };
  },
  async hostProduct() {
    // Chromium runs relaxed SIMD: the product there takes the relaxed_madd kernel, which Node 20 does not compile.
    const rows = [
      { m: 37, k: 64, n: 101 },
      { m: 200, k: 128, n: 203 },
    ].flatMap(({ m, k, n }) =>
      [false, true].map((transposeB) => {
        const a = Float32Array.from(randomMatrix(m, k, m).flat());
        const b = Float32Array.from(randomMatrix(transposeB ? n : k, transposeB ? k : n, n).flat());
        const product = hostMatMul({ values: a, shape: [m, k] }, { values: b, shape: transposeB ? [n, k] : [k, n] }, { transposeB });
        let worst = 0;
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            let sum = 0;
            for (let p = 0; p < k; p++) sum += a[i * k + p] * (transposeB ? b[j * k + p] : b[p * n + j]);
            worst = Math.max(worst, Math.abs((product?.[i * n + j] ?? NaN) - sum) / Math.max(1, Math.abs(sum)));
          }
        }
        return { m, k, n, transposeB, worst };
      }),
    );
    return { relaxed: multipliesWithRelaxedSimd(), rows };
  },
  async leaks() {
    await tf.setBackend('webgl');
    const D = tf.tensor2d(randomCostMatrix(K, 33));
    const p = tf.tensor2d(randomMatrix(K, DIM, 34));
    // Enough triplets (T·d > K²) for rankLoss to take its shader path.
    const losses = METRICS.flatMap((metric) => [
      (x: tf.Tensor2D) => distortionLoss(x, D, { metric }),
      (x: tf.Tensor2D) => rankLoss(x, D, { numTriplets: 20_000, seed: 1, metric }),
    ]);
    const step = () => losses.forEach((loss) => tf.tidy(() => tf.valueAndGrad((x: tf.Tensor) => loss(x as tf.Tensor2D))(p).grad.dataSync()));
    step();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    const after = tf.memory().numTensors;
    tf.dispose([D, p]);
    return { before, after };
  },
});
