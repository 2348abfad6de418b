// Issue 8 (2): distortionLoss and rankLoss forward + backward at K ∈ {1,000, 10,000}, d = 128, against one
// K×K×d matrix product; peak tensor memory against one K×K float32 matrix.
import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, Benchmark, Comparison } from '../harness/types';
import { treeCostMatrix } from '../shared/cost-matrix';
import { optionalExport } from '../shared/optional';
import { lossProducts } from '../shared/loss-products';
import { forwardBackward, forwardOnly, randomVariable } from '../shared/step';

const DIM = 128;

type DistortionLoss = (points: tf.Tensor2D, D: tf.Tensor2D, o?: Record<string, unknown>) => tf.Scalar;
type RankLoss = (points: tf.Tensor2D, D: tf.Tensor2D, sampling: Record<string, unknown>) => tf.Scalar;

interface Inputs {
  points: tf.Variable;
  D: tf.Tensor2D;
  users: number;
}

/** The points and the K×K D of one K, shared by the cases of that K (they are set up together) and freed with the last. */
const shared = new Map<number, Inputs>();

function acquire(k: number): Inputs {
  let s = shared.get(k);
  if (!s) {
    s = { points: randomVariable([k, DIM], 5), D: treeCostMatrix(k), users: 0 };
    shared.set(k, s);
  }
  s.users++;
  return s;
}

function release(k: number): void {
  const s = shared.get(k);
  if (s && --s.users === 0) {
    tf.dispose([s.points, s.D]);
    shared.delete(k);
  }
}

function lossCase(id: string, k: number, params: Record<string, string | number>, loss: (p: tf.Tensor2D, D: tf.Tensor2D) => tf.Scalar): BenchCase {
  return {
    id,
    params: { K: k, d: DIM, ...params },
    memory: true,
    setup() {
      const { points, D } = acquire(k);
      return {
        run: () => forwardBackward(() => loss(points as tf.Tensor2D, D), [points]),
        dispose: () => release(k),
      };
    },
  };
}

/** The products of an exact step alone (./shared/loss-products): the floor under the losses' time. */
function productsCase(k: number): BenchCase {
  return {
    id: `products/K=${k}`,
    params: { K: k, d: DIM, op: 'the products of an exact step alone: P·Pᵀ (upper blocks on host backends) + W·P' },
    memory: false,
    setup() {
      const products = lossProducts(acquire(k).points as tf.Tensor2D);
      return {
        run: products.run,
        dispose: () => {
          products.dispose();
          release(k);
        },
      };
    },
  };
}

export const losses: Benchmark = {
  name: 'losses',
  title: 'distortionLoss and rankLoss forward + backward vs one K×K×d matrix product (d = 128)',
  async plan(ctx) {
    const distortion = await optionalExport<DistortionLoss>('@mgp/metrics', () => import('@mgp/metrics'), 'distortionLoss');
    const rank = await optionalExport<RankLoss>('@mgp/metrics', () => import('@mgp/metrics'), 'rankLoss');
    const ks = ctx.quick ? [1000] : [1000, 10000];
    const cases: BenchCase[] = [];
    const comparisons: Comparison[] = [];
    const notes: string[] = [];
    for (const k of ks) {
      const ref = `matmul/K=${k}`;
      const kk = { budget: 4 * k * k, label: `one ${k}×${k} float32 (${((4 * k * k) / 2 ** 20).toFixed(1)} MiB)` };
      cases.push({
        id: ref,
        params: { K: k, d: DIM, op: 'matMul([K, d], [d, K]), transpose made in setup' },
        memory: true,
        setup() {
          const { points } = acquire(k);
          // The product in its fastest form on every backend: no transpose flag (wasm's XNNPACK path needs none),
          // no transpose inside the timed run.
          const transposed = tf.transpose(points);
          return {
            run: () => forwardOnly(() => tf.matMul(points, transposed)),
            dispose: () => {
              transposed.dispose();
              release(k);
            },
          };
        },
      });
      // The floor at K = 1,000 only: at 10,000 its K×K W would add 400 MB next to the losses' own K×K arrays.
      if (k === 1000) {
        cases.push(productsCase(k));
        comparisons.push({ case: `products/K=${k}`, against: { case: ref }, note: 'the floor under the exact losses: what is left of the 2× for everything else' });
      }
      const measured: string[] = [];
      if (distortion.ok) {
        const id = `distortion/K=${k}`;
        cases.push(lossCase(id, k, { D: 'K×K tensor' }, (p, D) => distortion.value(p, D)));
        measured.push(id);
      }
      if (rank.ok) {
        const triplets = [10 * k, ...(k === 1000 ? [(k * k) / 4] : [])];
        for (const t of triplets) {
          const id = `rank/K=${k}/T=${t}`;
          const c = lossCase(id, k, { T: t, D: 'K×K tensor' }, (p, D) => rank.value(p, D, { numTriplets: t, seed: 11 }));
          cases.push(c);
          measured.push(id);
        }
      }
      for (const id of measured) {
        comparisons.push({ case: id, against: { case: ref }, target: { max: 2, text: '≤ 2 (within 2× of the matMul)' } });
        comparisons.push({ case: id, against: kk, metric: 'extraTensorBytes', target: { max: DIM / 4, text: `≤ ${DIM / 4} (O(K²); a K×K×d tensor is ${DIM})` } });
      }
    }
    if (!distortion.ok) notes.push(distortion.reason);
    if (!rank.ok) notes.push(rank.reason);
    notes.push('rankLoss draws its triplets (seeded) inside every timed run: sampling is part of the cost; T = 10·K, and T = K²/4 at K = 1,000');
    notes.push('on cpu and wasm the exact losses also hold K×K float32 arrays outside the tensor high-water below: distortionLoss (K ≥ 64) two in the memory of its WebAssembly kernels, kept between calls; rankLoss once T·d > 12·K² (10·K² on cpu) three (distances, gradient, D) in the memory of its own kernels, also kept, or two on the JS heap during a step where WebAssembly SIMD is missing');
    notes.push(`memory = tfjs tensor high-water of one run above the inputs (points and the K×K D tensor); the bound of ${DIM / 4} K×K matrices is this harness\'s reading of "O(K²) at most" (a K×K×d tensor alone would be ${DIM})`);
    return { cases, comparisons, notes };
  },
};
