// Plain-JS float64 references for tests (never imported by library code).
import { createRng } from '../random/rng';

export type Matrix = number[][];

export function randomMatrix(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rng.next() * 2 - 1) * scale));
}

export function distance(x: number[], y: number[], metric: 'euclidean' | 'sqeuclidean' | 'cosine'): number {
  let sq = 0;
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (let i = 0; i < x.length; i++) {
    sq += (x[i] - y[i]) ** 2;
    dot += x[i] * y[i];
    nx += x[i] ** 2;
    ny += y[i] ** 2;
  }
  if (metric === 'euclidean') return Math.sqrt(sq);
  if (metric === 'sqeuclidean') return sq;
  return 1 - dot / (Math.max(Math.sqrt(nx), 1e-12) * Math.max(Math.sqrt(ny), 1e-12));
}

export function distanceMatrix(a: Matrix, b: Matrix, metric: 'euclidean' | 'sqeuclidean' | 'cosine'): Matrix {
  return a.map((x) => b.map((y) => distance(x, y, metric)));
}

/** Central finite differences of a scalar function of a matrix, in float64. */
export function numericGrad(f: (m: Matrix) => number, m: Matrix, h = 1e-6): Matrix {
  return m.map((row, i) =>
    row.map((_, j) => {
      const plus = m.map((r) => r.slice());
      const minus = m.map((r) => r.slice());
      plus[i][j] += h;
      minus[i][j] -= h;
      return (f(plus) - f(minus)) / (2 * h);
    }),
  );
}

/** Distances between leaves of a random ultrametric-like tree: a symmetric D with zero diagonal, > 0 off it. */
export function randomCostMatrix(k: number, seed: number): Matrix {
  const rng = createRng(seed);
  const d: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      d[i][j] = d[j][i] = 1 + rng.nextInt(4);
    }
  }
  return d;
}

/** The distortion loss in float64 from the points (the seed's formula, independent of every @mgp path). */
export function referenceDistortion(P: Matrix, D: Matrix, metric: 'euclidean' | 'sqeuclidean' | 'cosine', scaleFree: boolean): number {
  const k = P.length;
  const d = distanceMatrix(P, P, metric);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) { sum += d[i][j] / D[i][j]; sumSquares += (d[i][j] / D[i][j]) ** 2; }
  const s = scaleFree ? sum / sumSquares : 1;
  let total = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) total += ((s * d[i][j]) / D[i][j] - 1) ** 2;
  return total / (k * k - k);
}
