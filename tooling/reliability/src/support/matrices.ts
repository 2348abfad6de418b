// Deterministic plain-JS matrices for tests (a linear congruential generator; no tfjs randomness).

export type Matrix = number[][];

export function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A [rows, cols] matrix of values in [-scale, scale). */
export function randomMatrix(rows: number, cols: number, seed: number, scale = 1): Matrix {
  const next = lcg(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() * 2 - 1) * scale));
}

/** Integer labels in [0, k). */
export function randomLabels(n: number, k: number, seed: number): number[] {
  const next = lcg(seed);
  return Array.from({ length: n }, () => Math.floor(next() * k));
}

/** Path distances between the leaves of a balanced tree of the given branching (K = product of branching). */
export function balancedTreeCosts(branching: readonly number[]): Matrix {
  const k = branching.reduce((a, b) => a * b, 1);
  const digits = (i: number) => {
    const out: number[] = [];
    let rest = i;
    for (let level = branching.length - 1; level >= 0; level--) {
      out.unshift(rest % branching[level]);
      rest = Math.floor(rest / branching[level]);
    }
    return out;
  };
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      const a = digits(i);
      const b = digits(j);
      const common = a.findIndex((v, level) => v !== b[level]);
      return common < 0 ? 0 : 2 * (branching.length - common);
    }),
  );
}
