// Compares a check's quantities with a backend's tolerances. Pure JS: no vitest, no tfjs.
import type { CheckOutcome, Quantity } from './checks/types';
import type { BackendTolerances, Tolerance } from './tolerances';

export interface Mismatch {
  key: string;
  message: string;
}

function compare(q: Quantity, tol: Tolerance | null): string | null {
  if (q.kind === 'finite') {
    const bad = q.actual.findIndex((v) => !Number.isFinite(v));
    return bad < 0 ? null : `element ${bad} is ${q.actual[bad]} (all must be finite): [${q.actual.join(', ')}]`;
  }
  if (q.actual.length !== q.expected.length) return `got ${q.actual.length} numbers, expected ${q.expected.length}`;
  let worst: { i: number; excess: number; bound: number } | null = null;
  for (let i = 0; i < q.actual.length; i++) {
    const [a, e] = [q.actual[i], q.expected[i]];
    const bound = tol === null ? 0 : Math.max(tol.rtol * Math.abs(e), tol.atol);
    const error = Math.abs(a - e);
    const ok = tol === null ? a === e || (Number.isNaN(a) && Number.isNaN(e)) : error <= bound;
    if (!ok) {
      const excess = Number.isNaN(error) ? Number.POSITIVE_INFINITY : error / Math.max(bound, Number.MIN_VALUE);
      if (worst === null || excess > worst.excess) worst = { i, excess, bound };
    }
  }
  if (worst === null) return null;
  const { i, bound } = worst;
  const rule = tol === null ? 'must be equal' : `tolerance ${bound.toPrecision(3)}`;
  return `element ${i}: got ${q.actual[i]}, expected ${q.expected[i]} (${rule})`;
}

/** Every quantity outside its tolerance, with the worst element of each. */
export function judge(outcome: CheckOutcome, tolerances: BackendTolerances): Mismatch[] {
  const out: Mismatch[] = [];
  for (const q of outcome.quantities) {
    const tol = q.kind === 'exact' ? null : q.kind === 'finite' ? null : tolerances[q.kind];
    const message = compare(q, tol);
    if (message !== null) out.push({ key: q.key, message });
  }
  return out;
}

/** The largest error as a fraction of its tolerance over the compared quantities (1 = at the limit). */
export function worstToleranceUse(outcome: CheckOutcome, tolerances: BackendTolerances): number {
  let worst = 0;
  for (const q of outcome.quantities) {
    if (q.kind !== 'value' && q.kind !== 'trained') continue;
    const tol = tolerances[q.kind];
    q.actual.forEach((a, i) => {
      const e = q.expected[i];
      const use = Math.abs(a - e) / Math.max(tol.rtol * Math.abs(e), tol.atol);
      worst = Math.max(worst, Number.isNaN(use) ? Number.POSITIVE_INFINITY : use);
    });
  }
  return worst;
}
