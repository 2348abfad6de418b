// The WebAssembly kernels of the rank loss's K² path against float64 references computed here, pass by pass: K not a
// multiple of 4 (vector tails), triplet counts that are not either (the f64 tail), more than 4·512 triplets (the
// products' renormalization), coincident points, repeated classes and gaps far past the exponential's range.
import { expectClose } from '@mgp/test-utils';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { sampleTriplets, type ClassTriplets } from '../random/sample';
import type { GramBlock } from '../distances/gram-blocks';
import { kernelExpNegative, rankWorkspace, type RankWorkspace } from './rank-kernels';

const K = 151; // 4·37 + 3
const DIM = 5;

/** Uneven blocks covering the upper triangle. */
const BLOCKS: Array<Omit<GramBlock, 'values'>> = [
  { rowStart: 0, rows: 70, colStart: 0, cols: 70 },
  { rowStart: 0, rows: 70, colStart: 70, cols: K - 70 },
  { rowStart: 70, rows: K - 70, colStart: 70, cols: K - 70 },
];

const dot = (x: number[], y: number[]) => x.reduce((s, v, c) => s + v * y[c], 0);

/** Triplets of distinct classes, and every 7th repeating its anchor as j, every 11th as k. */
function tripletsWithRepeats(count: number, seed: number): ClassTriplets {
  const drawn = sampleTriplets(K, count, seed);
  for (let t = 0; t < count; t += 7) drawn.j[t] = drawn.i[t];
  for (let t = 3; t < count; t += 11) drawn.k[t] = drawn.i[t];
  return drawn;
}

/** Symmetric distances with a zero diagonal, a pair at 0 (coincident points) and gaps up to ±200. */
function randomDistances(seed: number, spread: number): Float32Array {
  const rng = createRng(seed);
  const d = new Float32Array(K * K);
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) d[i * K + j] = d[j * K + i] = rng.next() * spread;
  d[3 * K + 40] = d[40 * K + 3] = 0;
  return d;
}

function randomCosts(seed: number): Float32Array {
  const rng = createRng(seed);
  const costs = new Float32Array(K * K);
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) costs[i * K + j] = costs[j * K + i] = 1 + rng.nextInt(5);
  return costs;
}

/** Σ softplus(x_t) and ∂/∂d_ab of scale·that sum at (a, b) in both orders of use, in float64. */
function referenceTerms(d: Float32Array, t: ClassTriplets, signs: ArrayLike<number>, scale: number, euclidean: boolean) {
  const gradient = new Float64Array(K * K);
  let sum = 0;
  for (let n = 0; n < t.i.length; n++) {
    const [ab, ac] = [t.i[n] * K + t.j[n], t.i[n] * K + t.k[n]];
    const x = signs[n] * (d[ab] - d[ac]);
    sum += Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    const slope = (signs[n] * scale) / (1 + Math.exp(-x)); // σ(x)·s: ∂softplus(x)/∂d_ab
    const chain = (dist: number) => (euclidean ? (dist > 0 ? 1 / (2 * dist) : 0) : 1);
    gradient[ab] += slope * chain(d[ab]);
    gradient[ac] -= slope * chain(d[ac]);
  }
  return { sum, gradient };
}

function loadTriplets(count: number, seed: number, signs?: Float32Array): { workspace: RankWorkspace; triplets: ClassTriplets } {
  const triplets = tripletsWithRepeats(count, seed);
  const workspace = rankWorkspace(K, count, true) as RankWorkspace;
  workspace.groupTriplets(triplets, signs);
  return { workspace, triplets };
}

describe('rank kernels', () => {
  it('exist here (Node has WebAssembly SIMD)', () => {
    expect(rankWorkspace(K, 10, false)).not.toBeNull();
  });

  it('groupTriplets: the triplets stably sorted by anchor, their signs carried along', () => {
    const count = 1001;
    const signs = Float32Array.from({ length: count }, (_, t) => t); // any 32-bit payload: here the triplet's index
    const { workspace, triplets } = loadTriplets(count, 4, signs);
    const order = Array.from({ length: count }, (_, t) => t).sort((a, b) => triplets.i[a] - triplets.i[b]); // stable
    expect(Array.from(workspace.anchors)).toEqual(order.map((t) => triplets.i[t]));
    expect(Array.from(workspace.seconds)).toEqual(order.map((t) => triplets.j[t]));
    expect(Array.from(workspace.thirds)).toEqual(order.map((t) => triplets.k[t]));
    expect(Array.from(workspace.signs)).toEqual(order);
  });

  it.each([
    ['euclidean', 2, true, (x: number[], y: number[]) => Math.sqrt(Math.max(dot(x, x) + dot(y, y) - 2 * dot(x, y), 0))],
    ['sqeuclidean', 2, false, (x: number[], y: number[]) => Math.max(dot(x, x) + dot(y, y) - 2 * dot(x, y), 0)],
  ] as const)('mirroredDistances (%s): both triangles from the upper Gram blocks', (_name, coef, root, distance) => {
    const rng = createRng(5);
    const points = Array.from({ length: K }, () => Array.from({ length: DIM }, () => rng.next() * 2 - 1));
    points[40] = points[3].slice();
    const workspace = rankWorkspace(K, 4, false) as RankWorkspace;
    workspace.norms.set(points.map((p) => dot(p, p)));
    workspace.distances.fill(Number.NaN); // written by the kernel, never read
    for (const block of BLOCKS) {
      const values = new Float32Array(block.rows * block.cols);
      for (let r = 0; r < block.rows; r++) {
        for (let c = 0; c < block.cols; c++) values[r * block.cols + c] = dot(points[block.rowStart + r], points[block.colStart + c]);
      }
      workspace.mirroredDistances({ ...block, values }, coef, root);
    }
    const want = new Float64Array(K * K);
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) if (i !== j) want[i * K + j] = distance(points[i], points[j]);
    const got = Float64Array.from(workspace.distances);
    for (let i = 0; i < K; i++) got[i * K + i] = 0; // the diagonal is never read
    expectClose(got, want, { rtol: 1e-5, atol: 1e-5 });
    expect(workspace.distances[40 * K + 3]).toBe(workspace.distances[3 * K + 40]);
  });

  it.each([
    [2049, true, 'costs'], // 512 vector steps and a tail of one
    [2051, false, 'costs'],
    [3001, true, 'signs'],
    [603, false, 'signs'],
  ] as const)('terms, T = %i (euclidean %s, signs from %s): Σ softplus and the slopes, against float64', (count, euclidean, from) => {
    const costs = randomCosts(6);
    const { workspace, triplets } = loadTriplets(count, 7);
    const signs = Float32Array.from(triplets.i, (i, t) => (costs[i * K + triplets.j[t]] > costs[i * K + triplets.k[t]] ? -1 : 1));
    if (from === 'costs') workspace.loadCosts(costs);
    else workspace.groupTriplets(triplets, signs);
    const distances = randomDistances(8, 60); // gaps up to ±60: e^−|x| down to 1e-26, and 0 beyond 87 in f32
    workspace.distances.set(distances);
    const scale = 0.37;
    const sum = workspace.terms(scale, euclidean);
    const want = referenceTerms(distances, triplets, signs, scale, euclidean);
    expectClose(sum, want.sum, { rtol: 1e-6 });
    // Entries summed in f32 from slopes up to `scale`: a few roundings of the largest, 0.37·2⁻²⁴ each.
    expectClose(workspace.weights, want.gradient, { rtol: 1e-5, atol: 1e-7 });
    if (euclidean) expect(workspace.weights[3 * K + 40]).toBe(0); // d = 0: the subgradient 0, not ±∞
  });

  it('a workspace made after a larger one reads d_ii = 0 for triplets that repeat a class, not what was there', () => {
    const larger = rankWorkspace(K + 40, 10, true) as RankWorkspace;
    larger.distances.fill(9);
    const count = 99; // 24 quads and a tail of three
    const { workspace, triplets } = loadTriplets(count, 14, new Float32Array(count).fill(1));
    const distances = randomDistances(15, 4);
    // The distances pass writes i ≠ j only: the diagonal stays as the workspace left it.
    for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) if (i !== j) workspace.distances[i * K + j] = distances[i * K + j];
    const want = referenceTerms(distances, triplets, new Float32Array(count).fill(1), 1, false);
    expectClose(workspace.terms(1, false), want.sum, { rtol: 1e-6 });
  });

  it('terms keeps the product of 1 + e^−|x| exact past 2^1024: T ties (x = 0) sum to T·log 2', () => {
    const count = 50_001; // 2^50001 would overflow float64 a hundred times over
    const { workspace } = loadTriplets(count, 9, new Float32Array(count).fill(1));
    workspace.distances.fill(1.5);
    expectClose(workspace.terms(1, false), count * Math.LN2, { rtol: 1e-12 });
  });

  it('reads the costs again when they are another array of the same size', () => {
    const count = 500;
    const first = randomCosts(10);
    const second = first.map((c) => 6 - c); // the opposite order of every pair
    const distances = randomDistances(11, 3);
    const run = (costs: Float32Array) => {
      const { workspace, triplets } = loadTriplets(count, 12);
      workspace.loadCosts(costs);
      workspace.distances.set(distances);
      const signs = Float32Array.from(triplets.i, (i, t) => (costs[i * K + triplets.j[t]] > costs[i * K + triplets.k[t]] ? -1 : 1));
      return { got: workspace.terms(1, false), want: referenceTerms(distances, triplets, signs, 1, false).sum };
    };
    for (const costs of [first, second, first]) {
      const { got, want } = run(costs);
      expectClose(got, want, { rtol: 1e-6 });
    }
  });

  it('symmetrize: W = G + Gᵀ with zero diagonal, and its row sums', () => {
    const workspace = rankWorkspace(K, 4, false) as RankWorkspace;
    const rng = createRng(13);
    const g = Float32Array.from({ length: K * K }, () => rng.next() - 0.5);
    workspace.weights.set(g);
    workspace.symmetrize();
    const want = new Float64Array(K * K);
    const rowSums = new Float64Array(K);
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        if (i === j) continue;
        want[i * K + j] = Math.fround(g[i * K + j] + g[j * K + i]);
        rowSums[i] += want[i * K + j];
      }
    }
    expect(Array.from(workspace.weights)).toEqual(Array.from(want));
    expectClose(workspace.rowSums, rowSums, { rtol: 1e-12, atol: 1e-12 });
  });

  it('expNegative: e^−a to within 2 ulp over [0, 708], and 0 beyond', () => {
    let worst = 0;
    for (let n = 0; n <= 100_000; n++) {
      const a = Math.max((708 * n) / 100_000 - (n % 3) * 1e-9, 0);
      const want = Math.exp(-a);
      worst = Math.max(worst, Math.abs((kernelExpNegative(a) as number) - want) / want);
    }
    expect(worst).toBeLessThan(4.5e-16);
    expect(kernelExpNegative(0)).toBe(1);
    expect(kernelExpNegative(709)).toBe(0);
    expect(kernelExpNegative(1e6)).toBe(0);
  });
});
