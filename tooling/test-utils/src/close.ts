// Element-wise closeness with a relative tolerance and an absolute floor near zero.
import { expect } from 'vitest';

type Nested = number | Nested[];

function flatten(value: Nested | ArrayLike<number>): number[] {
  if (typeof value === 'number') return [value];
  return Array.from(value as ArrayLike<Nested>).flatMap((v) => flatten(v));
}

export function maxRelativeError(actual: Nested | ArrayLike<number>, expected: Nested | ArrayLike<number>, atol = 1e-5): number {
  const a = flatten(actual);
  const e = flatten(expected);
  if (a.length !== e.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - e[i]) / Math.max(Math.abs(e[i]), atol);
    worst = Math.max(worst, Number.isNaN(err) ? Number.POSITIVE_INFINITY : err);
  }
  return worst;
}

/** Fails unless every element satisfies |a - e| <= rtol * max(|e|, atol / rtol ... ) (relative, absolute floor near zero). */
export function expectClose(
  actual: Nested | ArrayLike<number>,
  expected: Nested | ArrayLike<number>,
  { rtol = 1e-4, atol = 1e-5 }: { rtol?: number; atol?: number } = {},
): void {
  const a = flatten(actual);
  const e = flatten(expected);
  expect(a.length, 'number of elements').toBe(e.length);
  for (let i = 0; i < a.length; i++) {
    const tolerance = Math.max(rtol * Math.abs(e[i]), atol);
    if (!(Math.abs(a[i] - e[i]) <= tolerance)) {
      expect.fail(`element ${i}: got ${a[i]}, expected ${e[i]} (tolerance ${tolerance})`);
    }
  }
}
