// The WebAssembly pair kernels against float64 references computed here, pass by pass, on a K that is not a multiple
// of 4 (vector tails), split into uneven blocks and 64-wide tiles.
import { expectClose } from '@mgp/test-utils';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { sampleTriplets } from '../random/sample';
import type { GramBlock } from '../distances/gram-blocks';
import { pairWorkspace, type PairWorkspace } from './pair-kernels';
import { tripletWorkspace, type TripletWorkspace } from './triplet-kernels';

const K = 151; // 151 = 4·37 + 3: every row ends in a scalar tail; three 64-wide tiles, the last one short
const DIM = 5;

interface Case {
  points: number[][];
  costs: Float32Array;
}

function randomCase(seed: number): Case {
  const rng = createRng(seed);
  const points = Array.from({ length: K }, () => Array.from({ length: DIM }, () => rng.next() * 2 - 1));
  points[40] = points[3].slice(); // coincident: d = 0, where the euclidean W is 0
  const costs = new Float32Array(K * K);
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) costs[i * K + j] = costs[j * K + i] = 1 + rng.nextInt(5);
  return { points, costs };
}

const dot = (x: number[], y: number[]) => x.reduce((s, v, c) => s + v * y[c], 0);

/** Uneven blocks covering the upper triangle: rows [0, 70) and [70, K), columns likewise. */
const BLOCKS: Array<Omit<GramBlock, 'values'>> = [
  { rowStart: 0, rows: 70, colStart: 0, cols: 70 },
  { rowStart: 0, rows: 70, colStart: 70, cols: K - 70 },
  { rowStart: 70, rows: K - 70, colStart: 70, cols: K - 70 },
];

type Form = { name: string; coef: number; root: boolean; norms: (p: number[]) => number; distance: (x: number[], y: number[]) => number };
const FORMS: Form[] = [
  { name: 'euclidean', coef: 2, root: true, norms: (p) => dot(p, p), distance: (x, y) => Math.sqrt(Math.max(dot(x, x) + dot(y, y) - 2 * dot(x, y), 0)) },
  { name: 'sqeuclidean', coef: 2, root: false, norms: (p) => dot(p, p), distance: (x, y) => Math.max(dot(x, x) + dot(y, y) - 2 * dot(x, y), 0) },
  // The cosine distance of unit rows, 1 − u·v, as ½ + ½ − 1·g.
  { name: 'cosine (unit rows)', coef: 1, root: false, norms: () => 0.5, distance: (x, y) => Math.max(1 - dot(x, y), 0) },
];

/**
 * Loads the costs and norms, and returns the Gram blocks as forEachUpperGramBlock hands them over. The matrix holds
 * NaN until the kernels write it: they read the blocks, not it.
 */
function load(workspace: PairWorkspace, { points, costs }: Case, form: Form): GramBlock[] {
  workspace.loadCosts(costs);
  workspace.norms.set(points.map(form.norms));
  workspace.matrix.fill(Number.NaN);
  return BLOCKS.map((block) => {
    const values = new Float32Array(block.rows * block.cols);
    for (let r = 0; r < block.rows; r++) {
      for (let c = 0; c < block.cols; c++) values[r * block.cols + c] = dot(points[block.rowStart + r], points[block.colStart + c]);
    }
    return { ...block, values };
  });
}

function unitRows(points: number[][]): number[][] {
  return points.map((p) => p.map((v) => v / Math.sqrt(dot(p, p))));
}

describe('pair kernels', () => {
  it('exist here (Node has WebAssembly SIMD)', () => {
    expect(pairWorkspace(K)).not.toBeNull();
  });

  it.each(FORMS)('distortionDistances ($name): the distances over j > i, block by block, and the sums of d/D', (form) => {
    const input = randomCase(1);
    const points = form.name.startsWith('cosine') ? unitRows(input.points) : input.points;
    const workspace = pairWorkspace(K) as PairWorkspace;
    for (const block of load(workspace, { points, costs: input.costs }, form)) workspace.distortionDistances(block, form.coef, form.root);
    const got: number[] = [];
    const want: number[] = [];
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        const d = form.distance(points[i], points[j]);
        got.push(workspace.matrix[i * K + j]);
        want.push(d);
        sum += d / input.costs[i * K + j];
        sumSquares += (d / input.costs[i * K + j]) ** 2;
      }
    }
    expectClose(got, want, { rtol: 1e-5, atol: 1e-5 });
    const sums = workspace.distanceSums();
    expectClose([sums.sum, sums.sumSquares], [sum, sumSquares], { rtol: 1e-6 });
  });

  it.each([
    [true, 0.8],
    [false, 1.3],
  ])('distortionWeights (euclidean %s): symmetric W with zero diagonal, and its row sums', (euclidean, s) => {
    const input = randomCase(2);
    const form = FORMS[euclidean ? 0 : 1];
    const workspace = pairWorkspace(K) as PairWorkspace;
    for (const block of load(workspace, input, form)) workspace.distortionDistances(block, form.coef, form.root);
    const distances = Float32Array.from(workspace.matrix);
    const f = 0.01;
    workspace.distortionWeights(s, f, euclidean);

    const want = new Float64Array(K * K);
    const rowSums = new Float64Array(K);
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        const d = distances[i * K + j];
        const cost = input.costs[i * K + j];
        const r = (s * d) / cost - 1;
        const w = euclidean ? (d > 0 ? (f * r) / cost / d : 0) : (f * r) / cost;
        want[i * K + j] = want[j * K + i] = w;
        rowSums[i] += w;
        rowSums[j] += w;
      }
    }
    expect(Array.from({ length: K }, (_, i) => workspace.matrix[i * K + i])).toEqual(new Array(K).fill(0));
    if (euclidean) expect(workspace.matrix[3 * K + 40]).toBe(0); // coincident points: the subgradient 0, not ±∞
    expectClose(workspace.matrix, want, { rtol: 1e-5, atol: 1e-9 });
    expectClose(workspace.rowSums, rowSums, { rtol: 1e-5, atol: 1e-8 });
  });

  it('reloads the costs when they are another array, and keeps them when they are the same one', () => {
    const first = randomCase(3);
    const second = { ...first, costs: first.costs.map((c) => c * 2) };
    const sumsWith = (input: Case) => {
      const workspace = pairWorkspace(K) as PairWorkspace;
      for (const block of load(workspace, input, FORMS[1])) workspace.distortionDistances(block, 2, false);
      return workspace.distanceSums().sum;
    };
    const once = sumsWith(first);
    expectClose(sumsWith(second), once / 2, { rtol: 1e-6 }); // a = d/D halves with D doubled
    expectClose(sumsWith(first), once, { rtol: 1e-12 });
    expectClose(sumsWith(first), once, { rtol: 1e-12 });
  });

  it('rowPairSquaredDistances and addRowPairGradients: the triplets\' pairs of rows, against float64 loops', () => {
    const dim = 7; // one vector of four and a scalar tail of three
    const { points } = randomCase(12);
    const rows = points.map((p) => Array.from({ length: dim }, (_, m) => p[m % DIM] * (1 + m)));
    const rng = createRng(13);
    const count = 500;
    const ws = tripletWorkspace(K, dim, count) as TripletWorkspace;
    ws.points.set(rows.flat());
    for (let t = 0; t < count; t++) [ws.anchors[t], ws.seconds[t], ws.thirds[t]] = [rng.nextInt(K), rng.nextInt(K), rng.nextInt(K)];
    [ws.seconds[0], ws.thirds[1]] = [ws.anchors[0], 40]; // a pair of one row with itself; the coincident rows 3 and 40
    ws.anchors[1] = 3;
    ws.squaredDistances();
    const expectedGradient = rows.map(() => new Array(dim).fill(0));
    for (let t = 0; t < count; t++) {
      for (const [other, d2, weights] of [[ws.seconds, ws.toSecond, ws.secondWeights], [ws.thirds, ws.toThird, ws.thirdWeights]] as const) {
        const [a, b] = [rows[ws.anchors[t]], rows[other[t]]];
        expectClose(d2[t], a.reduce((sum, v, m) => sum + (v - b[m]) ** 2, 0), { rtol: 1e-6, atol: 1e-12 });
        weights[t] = t % 5 === 0 ? 0 : rng.next() - 0.5; // zero coefficients are skipped
        for (let m = 0; m < dim; m++) {
          expectedGradient[ws.anchors[t]][m] += weights[t] * (a[m] - b[m]);
          expectedGradient[other[t]][m] -= weights[t] * (a[m] - b[m]);
        }
      }
    }
    ws.addGradients();
    expectClose(Array.from(ws.gradient), expectedGradient.flat(), { rtol: 1e-4, atol: 1e-5 });
    expect(ws.gradient.some((g) => g !== 0)).toBe(true);
  });

  it('keep the loaded costs intact while triplet workspaces and draws use the same memory', () => {
    const input = randomCase(14);
    const sums = () => {
      const workspace = pairWorkspace(K) as PairWorkspace;
      // The same costs array: not inverted again.
      for (const block of load(workspace, input, FORMS[1])) workspace.distortionDistances(block, 2, false);
      return workspace.distanceSums().sum;
    };
    const before = sums();
    // Placed at the start of memory, either would overwrite the inverse costs (at 4·K² bytes, 91 KB here).
    const triplets = tripletWorkspace(K, 64, 20_000) as TripletWorkspace;
    triplets.points.fill(3);
    triplets.toSecond.fill(3);
    sampleTriplets(K, 20_000, 3);
    expect(sums()).toBe(before);
  });
});
