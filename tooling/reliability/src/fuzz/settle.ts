// What a parser may do with any input: return a consistent Hierarchy or throw MgpInputError — and do either soon.
import { MgpInputError } from '@mgp/metrics';
import { Hierarchy } from '@mgp/hierarchy';

/**
 * The hang guard: a parse of these small inputs takes well under a millisecond, so a call still running after this
 * long is a runaway loop, not a slow machine. (A true infinite loop is caught by the test's own timeout.)
 */
export const HANG_GUARD_MS = 2000;

export interface Settled {
  outcome: 'tree' | 'refused';
  ms: number;
}

/** Checks a returned tree is whole: leaves first, root after them, distances a metric, JSON round trip. */
export function checkConsistent(h: Hierarchy): void {
  if (!(h.numLeaves >= 1 && h.root === h.numLeaves && h.numNodes > h.numLeaves)) throw new Error(`inconsistent tree: ${h.numLeaves} leaves, ${h.numNodes} nodes`);
  if (h.parent(h.root) !== null || h.leaves.some((_, i) => h.parent(i) === null)) throw new Error('inconsistent parents');
  const again = Hierarchy.fromJSON(JSON.parse(JSON.stringify(h.toJSON())), { separator: h.separator });
  if (JSON.stringify(again.toJSON()) !== JSON.stringify(h.toJSON())) throw new Error('toJSON does not round-trip');
  if (h.numLeaves <= 60) {
    const d = h.distanceMatrix();
    d.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== d[j][i] || (i === j) !== (v === 0)) throw new Error(`distance matrix broken at [${i}][${j}]`);
      }),
    );
  }
}

function classify(value: unknown, error: unknown): 'tree' | 'refused' {
  if (error === undefined) {
    if (!(value instanceof Hierarchy)) throw new Error(`returned ${String(value)}, not a Hierarchy`);
    checkConsistent(value);
    return 'tree';
  }
  if (error instanceof MgpInputError) return 'refused';
  throw error;
}

export function settle(call: () => Hierarchy): Settled {
  const start = performance.now();
  let value: unknown;
  let error: unknown;
  try {
    value = call();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - start;
  return { outcome: classify(value, error), ms };
}

export async function settleAsync(call: () => Promise<Hierarchy>): Promise<Settled> {
  const start = performance.now();
  let value: unknown;
  let error: unknown;
  try {
    value = await call();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - start;
  return { outcome: classify(value, error), ms };
}
