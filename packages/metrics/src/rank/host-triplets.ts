// The rank loss on host-memory backends (cpu, wasm, tfjs-node), triplet by triplet: the two distances of each
// triplet from the rows of P, and their gradient added straight into ∂L/∂P. O(T·d) work and memory: no K×K
// matrix, no gathered [T, d] tensors, no K×K×d product — for the few-to-moderate triplet counts of training.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { COSINE_EPS, type Metric } from '../distances/metric';
import type { ClassTriplets } from '../random';
import { addScaledDifference, rowDot, squaredDistance } from '../internal/row-kernels';
import { copiesArraysIntoTensors, heapView } from '../internal/host-memory';
import { tripletWorkspace, type TripletWorkspace } from '../simd/triplet-kernels';

/** The two distances of every triplet, d(p_i, p_j) and d(p_i, p_k), and ∂L/∂P from ∂L/∂d of each of them. */
interface TripletGeometry {
  distances(): [Float64Array, Float64Array];
  gradient(towardJ: Float64Array, awayFromK: Float64Array): Float32Array;
}

/** d(p_a[t], p_b[t]) for each pair t, and the way to add Σ_t c_t·∂d_t/∂P (c_t = ∂L/∂d_t) into a float64 gradient. */
interface PairGeometry {
  distances(a: Int32Array, b: Int32Array): Float64Array;
  addGradients(gradient: Float64Array, a: Int32Array, b: Int32Array, d: Float64Array, c: Float64Array): void;
}

/** ∂‖x − y‖²/∂x = 2(x − y); ∂‖x − y‖/∂x = (x − y)/‖x − y‖, taken as 0 where the points coincide. */
const radialCoefficient = (squared: boolean, slope: number, d: number) => (squared ? 2 * slope : d > 0 ? slope / d : 0);

function fromPairs(geometry: PairGeometry, { i, j, k }: ClassTriplets, size: number): TripletGeometry {
  let dij: Float64Array;
  let dik: Float64Array;
  return {
    distances: () => {
      [dij, dik] = [geometry.distances(i, j), geometry.distances(i, k)];
      return [dij, dik];
    },
    gradient: (towardJ, awayFromK) => {
      const gradient = new Float64Array(size);
      geometry.addGradients(gradient, i, j, dij, towardJ);
      geometry.addGradients(gradient, i, k, dik, awayFromK);
      return new Float32Array(gradient);
    },
  };
}

// Each geometry runs whole arrays of pairs, so the loops over pairs and dimensions hold no per-pair call.

function radialGeometry(p: Float32Array, dim: number, squared: boolean): PairGeometry {
  return {
    distances(a, b) {
      const out = new Float64Array(a.length);
      for (let t = 0; t < a.length; t++) {
        const sum = squaredDistance(p, a[t] * dim, b[t] * dim, dim);
        out[t] = squared ? sum : Math.sqrt(sum);
      }
      return out;
    },
    addGradients(gradient, a, b, d, c) {
      for (let t = 0; t < a.length; t++) {
        const g = radialCoefficient(squared, c[t], d[t]);
        if (g !== 0) addScaledDifference(gradient, p, a[t] * dim, b[t] * dim, dim, g);
      }
    },
  };
}

/** The radial metrics on the WebAssembly SIMD kernels (../simd/triplet-kernels), about 4× the loops above. */
function radialKernelGeometry(ws: TripletWorkspace, points: tf.Tensor2D, triplets: ClassTriplets, squared: boolean): TripletGeometry {
  // Read in place from tfjs-wasm's heap where possible: at K = 100,000, d = 64 every copy of P is 25 MB.
  ws.points.set(heapView(points) ?? (points.dataSync() as Float32Array));
  ws.anchors.set(triplets.i);
  ws.seconds.set(triplets.j);
  ws.thirds.set(triplets.k);
  const { toSecond, toThird, secondWeights, thirdWeights } = ws;
  let dij: Float64Array;
  let dik: Float64Array;
  return {
    distances: () => {
      ws.squaredDistances();
      [dij, dik] = [Float64Array.from(toSecond), Float64Array.from(toThird)];
      if (!squared) {
        for (let t = 0; t < dij.length; t++) {
          dij[t] = Math.sqrt(dij[t]);
          dik[t] = Math.sqrt(dik[t]);
        }
      }
      return [dij, dik];
    },
    gradient: (towardJ, awayFromK) => {
      for (let t = 0; t < towardJ.length; t++) {
        secondWeights[t] = radialCoefficient(squared, towardJ[t], dij[t]);
        thirdWeights[t] = radialCoefficient(squared, awayFromK[t], dik[t]);
      }
      ws.addGradients();
      // The kernel memory is overwritten by the next call: the tensor needs its own copy, which tfjs-wasm makes.
      return copiesArraysIntoTensors() ? ws.gradient : ws.gradient.slice();
    },
  };
}

function cosineGeometry(p: Float32Array, k: number, dim: number): PairGeometry {
  // Unit rows u = x / max(‖x‖, eps), as the gathered-rows path; a clamped norm has no radial part to remove.
  const unit = new Float64Array(k * dim);
  const norm = new Float64Array(k);
  const live = new Uint8Array(k);
  for (let r = 0; r < k; r++) {
    let sum = 0;
    for (let m = r * dim, end = m + dim; m < end; m++) sum += p[m] * p[m];
    const n = Math.sqrt(sum);
    norm[r] = Math.max(n, COSINE_EPS);
    live[r] = n > COSINE_EPS ? 1 : 0;
    for (let m = r * dim, end = m + dim; m < end; m++) unit[m] = p[m] / norm[r];
  }
  return {
    distances(a, b) {
      const out = new Float64Array(a.length);
      for (let t = 0; t < a.length; t++) {
        out[t] = 1 - rowDot(unit, a[t] * dim, b[t] * dim, dim);
      }
      return out;
    },
    addGradients(gradient, a, b, d, c) {
      for (let t = 0; t < a.length; t++) {
        if (c[t] === 0) continue;
        // d = 1 − u_a·u_b: ∂d/∂x_a = −(u_b − (u_a·u_b)·u_a) / ‖x_a‖, and the same with a and b swapped.
        const [ia, ib] = [a[t], b[t]];
        const cos = 1 - d[t];
        const ca = c[t] / norm[ia];
        const cb = c[t] / norm[ib];
        const radialA = live[ia] * cos;
        const radialB = live[ib] * cos;
        for (let m = 0, x = ia * dim, y = ib * dim; m < dim; m++) {
          gradient[x + m] -= ca * (unit[y + m] - radialA * unit[x + m]);
          gradient[y + m] -= cb * (unit[x + m] - radialB * unit[y + m]);
        }
      }
    },
  };
}

function tripletGeometry(points: tf.Tensor2D, triplets: ClassTriplets, metric: Metric): TripletGeometry {
  const [k, dim] = points.shape;
  const squared = metric === 'sqeuclidean';
  const ws = metric === 'cosine' ? null : tripletWorkspace(k, dim, triplets.i.length);
  if (ws) return radialKernelGeometry(ws, points, triplets, squared);
  const p = points.dataSync() as Float32Array;
  return fromPairs(metric === 'cosine' ? cosineGeometry(p, k, dim) : radialGeometry(p, dim, squared), triplets, k * dim);
}

/**
 * −mean_t log σ(x_t), x_t = sign_t · (d_ij − d_ik), as logisticRankLoss over the triplets' gaps, summed in
 * float64. A pair of one class with itself has d = 0 and no gradient.
 */
export function hostTripletRankLoss(points: tf.Tensor2D, triplets: ClassTriplets, signs: Float32Array, metric: Metric): tf.Scalar {
  const op = customOp<tf.Scalar>(([input], save) => {
    const [k, dim] = input.shape as [number, number];
    const geometry = tripletGeometry(input as tf.Tensor2D, triplets, metric);
    const { i, j, k: l } = triplets;
    const [dij, dil] = geometry.distances();
    const count = signs.length;
    const towardJ = new Float64Array(count); // ∂L/∂d_ij (0 where j = i)
    const awayFromK = new Float64Array(count); // ∂L/∂d_ik (0 where k = i)
    let total = 0;
    for (let t = 0; t < count; t++) {
      if (i[t] === j[t]) dij[t] = 0;
      if (i[t] === l[t]) dil[t] = 0;
      const sign = signs[t];
      const x = sign * (dij[t] - dil[t]);
      // softplus(x) = −log σ(−x), stably; its derivative is σ(x).
      total += x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
      const slope = sign / count / (1 + Math.exp(-x));
      towardJ[t] = i[t] === j[t] ? 0 : slope;
      awayFromK[t] = i[t] === l[t] ? 0 : -slope;
    }
    const grad = tf.tensor2d(geometry.gradient(towardJ, awayFromK), [k, dim]);
    save([grad]);
    return { value: tf.scalar(total / count), gradFunc: (dy, [g]) => [tf.mul(g, dy)] };
  });
  return op(points);
}
