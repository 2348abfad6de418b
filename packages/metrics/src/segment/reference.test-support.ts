// Plain-JS float64 segment reductions, written independently of the tfjs paths, for tests only.
export type RefOp = 'sum' | 'mean' | 'max' | 'logSumExp' | 'softmax';

export interface RefInput {
  values: ArrayLike<number>;
  shape: number[];
  ids: ArrayLike<number>;
  numSegments: number;
  axis: number;
}

export function referenceSegment(op: RefOp, { values, shape, ids, numSegments, axis }: RefInput): { values: number[]; shape: number[] } {
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const n = shape[axis];
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const at = (o: number, i: number, c: number) => values[(o * n + i) * inner + c];
  const reduced: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let s = 0; s < numSegments; s++) {
      for (let c = 0; c < inner; c++) {
        const members: number[] = [];
        for (let i = 0; i < n; i++) if (ids[i] === s) members.push(at(o, i, c));
        reduced.push(reduceMembers(op === 'softmax' ? 'logSumExp' : op, members));
      }
    }
  }
  if (op !== 'softmax') {
    const outShape = shape.slice();
    outShape[axis] = numSegments;
    return { values: reduced, shape: outShape };
  }
  const out: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < inner; c++) {
        const lse = reduced[(o * numSegments + ids[i]) * inner + c];
        out.push(Math.exp(at(o, i, c) - (lse === -Infinity ? 0 : lse)));
      }
    }
  }
  return { values: out, shape: shape.slice() };
}

function reduceMembers(op: Exclude<RefOp, 'softmax'>, members: number[]): number {
  if (op === 'sum') return members.reduce((a, b) => a + b, 0);
  if (op === 'mean') return members.length ? members.reduce((a, b) => a + b, 0) / members.length : 0;
  const max = members.reduce((a, b) => Math.max(a, b), -Infinity);
  if (op === 'max') return max;
  const m = max === -Infinity ? 0 : max;
  return m + Math.log(members.reduce((a, b) => a + Math.exp(b - m), 0));
}

/** A small deterministic generator (mulberry32), so failures reproduce. */
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

/**
 * Index of the first element where |a − e| > max(rtol·|e|, atol), treating equal infinities as equal; -1 if none.
 * (@mgp/test-utils' expectClose compares finite values only.)
 */
export function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-5): number {
  if (actual.length !== expected.length) return 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === e) continue;
    if (!(Math.abs(a - e) <= Math.max(rtol * Math.abs(e), atol))) return i;
  }
  return -1;
}

export function describeMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-5): string {
  const i = firstMismatch(actual, expected, rtol, atol);
  if (i < 0) return 'equal';
  if (actual.length !== expected.length) return `lengths differ: ${actual.length} vs ${expected.length}`;
  return `element ${i}: got ${actual[i]}, expected ${expected[i]}`;
}
