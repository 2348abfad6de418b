// Test support: plain-JS float64 segment reductions written independently of every tfjs path, a seeded generator,
// and a comparison that treats equal infinities as equal.
export type RefOp = 'sum' | 'mean' | 'max' | 'logSumExp' | 'softmax';

export interface RefCase {
  shape: number[];
  /** Normalized to [0, rank). */
  axis: number;
  numSegments: number;
  ids: number[];
}

export function reference(op: RefOp, values: ArrayLike<number>, { shape, axis, numSegments, ids }: RefCase): number[] {
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const n = shape[axis];
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const members = (o: number, s: number, c: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (ids[i] === s) out.push(values[(o * n + i) * inner + c]);
    return out;
  };
  const lse = (m: number[]) => {
    const top = Math.max(-Infinity, ...m);
    const shift = top === -Infinity ? 0 : top;
    return shift + Math.log(m.reduce((a, v) => a + Math.exp(v - shift), 0));
  };
  const result: number[] = [];
  if (op === 'softmax') {
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < inner; c++) {
          const l = lse(members(o, ids[i], c));
          result.push(Math.exp(values[(o * n + i) * inner + c] - (l === -Infinity ? 0 : l)));
        }
      }
    }
    return result;
  }
  for (let o = 0; o < outer; o++) {
    for (let s = 0; s < numSegments; s++) {
      for (let c = 0; c < inner; c++) {
        const m = members(o, s, c);
        const sum = m.reduce((a, v) => a + v, 0);
        if (op === 'sum') result.push(sum);
        else if (op === 'mean') result.push(m.length ? sum / m.length : 0);
        else if (op === 'max') result.push(Math.max(-Infinity, ...m));
        else result.push(lse(m));
      }
    }
  }
  return result;
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 'equal', or where and how two arrays differ beyond max(rtol·|e|, atol); equal infinities are equal. */
export function mismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-5): string {
  if (actual.length !== expected.length) return `lengths differ: ${actual.length} vs ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === e) continue;
    if (!(Math.abs(a - e) <= Math.max(rtol * Math.abs(e), atol))) return `element ${i}: got ${a}, expected ${e}`;
  }
  return 'equal';
}
