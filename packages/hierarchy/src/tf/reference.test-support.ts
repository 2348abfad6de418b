// Float64 references in plain JS, written from the definitions (fixtures README), independent of the library's
// tensor code: they only use the tree's parent/height/leaf accessors.
import type { Hierarchy } from '../tree/hierarchy';

function logSumExp(values: number[]): number {
  const m = Math.max(...values);
  return m + Math.log(values.reduce((s, v) => s + Math.exp(v - m), 0));
}

/** YOLOv2 log marginals: softmax within sibling groups, log conditionals summed to the root. */
export function logMarginalsRef(edgeLogits: number[][], h: Hierarchy, order: readonly number[]): number[][] {
  return edgeLogits.map((row) => {
    const value = new Map(order.map((v, c) => [v, row[c]]));
    const logCond = new Map<number, number>();
    for (const v of order) {
      const siblings = h.children(h.parent(v) as number);
      logCond.set(v, (value.get(v) as number) - logSumExp(siblings.map((s) => value.get(s) as number)));
    }
    return order.map((v) => h.ancestors(v, { includeSelf: true }).slice(0, -1).reduce((s, u) => s + (logCond.get(u) as number), 0));
  });
}

export interface HxeRefOptions {
  alpha: number;
  gamma?: number;
  classWeights?: number[];
  ignoreIndex?: number;
}

/** Σ_edges -w(C)·(1 - p(C|par))^γ·log p(C|par), p(C) = softmax mass under C; mean over non-ignored samples. */
export function hxeRef(logits: number[][], labels: number[], h: Hierarchy, o: HxeRefOptions): number {
  let total = 0;
  let count = 0;
  logits.forEach((row, i) => {
    const y = labels[i];
    if (y === o.ignoreIndex) return;
    count++;
    const z = logSumExp(row);
    const p = row.map((v) => Math.exp(v - z));
    const mass = (v: number) => h.subtreeLeaves(v).reduce((s, k) => s + p[k], 0);
    let loss = 0;
    for (const c of h.ancestors(y, { includeSelf: true }).slice(0, -1)) {
      const cond = mass(c) / mass(h.parent(c) as number);
      loss -= Math.exp(-o.alpha * h.height(c)) * (1 - cond) ** (o.gamma ?? 0) * Math.log(cond);
    }
    total += loss * (o.classWeights ? o.classWeights[y] : 1);
  });
  return count === 0 ? 0 : total / count;
}

export function crossEntropyRef(logits: number[][], labels: number[]): number {
  return logits.reduce((s, row, i) => s + logSumExp(row) - row[labels[i]], 0) / logits.length;
}

/** Central differences of a float64 scalar function of a matrix. */
export function centralDifferences(f: (x: number[][]) => number, x: number[][], step = 1e-5): number[][] {
  return x.map((row, i) =>
    row.map((_, j) => {
      const plus = x.map((r) => r.slice());
      const minus = x.map((r) => r.slice());
      plus[i][j] += step;
      minus[i][j] -= step;
      return (f(plus) - f(minus)) / (2 * step);
    }),
  );
}

/** Deterministic pseudo-random matrix in [-scale, scale]. */
export function randomMatrix(rows: number, cols: number, seed: number, scale = 3): number[][] {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => next() * scale));
}
