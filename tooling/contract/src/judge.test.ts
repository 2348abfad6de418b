import { describe, expect, it } from 'vitest';
import { judge, worstToleranceUse } from './judge';
import type { Quantity } from './checks/types';

const tol = { value: { rtol: 1e-4, atol: 1e-5 }, trained: { rtol: 1e-2, atol: 1e-3 } };
const outcome = (...quantities: Quantity[]) => ({ quantities });

describe('judge', () => {
  it('passes values within max(rtol·|expected|, atol) and names the worst element otherwise', () => {
    expect(judge(outcome({ key: 'a', kind: 'value', actual: [1.00005, 0.000001], expected: [1, 0] }), tol)).toEqual([]);
    expect(judge(outcome({ key: 'a', kind: 'value', actual: [1.0002, 3], expected: [1, 3.01] }), tol)).toEqual([
      { key: 'a', message: 'element 1: got 3, expected 3.01 (tolerance 0.000301)' },
    ]);
  });

  it('uses the looser tolerance for trained quantities', () => {
    expect(judge(outcome({ key: 't', kind: 'trained', actual: [1.005], expected: [1] }), tol)).toEqual([]);
  });

  it('requires equality for exact quantities and finiteness for finite ones', () => {
    expect(judge(outcome({ key: 'e', kind: 'exact', actual: [1 + 1e-12], expected: [1] }), tol)[0].message).toMatch(/must be equal/);
    expect(judge(outcome({ key: 'f', kind: 'finite', actual: [1, Number.NaN], expected: [] }), tol)[0].message).toMatch(/element 1 is NaN/);
    expect(judge(outcome({ key: 'f', kind: 'finite', actual: [1, -2], expected: [] }), tol)).toEqual([]);
  });

  it('fails NaN against a number and a length mismatch', () => {
    expect(judge(outcome({ key: 'n', kind: 'value', actual: [Number.NaN], expected: [1] }), tol)).toHaveLength(1);
    expect(judge(outcome({ key: 'l', kind: 'value', actual: [1], expected: [1, 2] }), tol)[0].message).toBe('got 1 numbers, expected 2');
  });

  it('reports how much of its tolerance the worst element uses', () => {
    expect(worstToleranceUse(outcome({ key: 'a', kind: 'value', actual: [1.00005, 2], expected: [1, 2] }), tol)).toBeCloseTo(0.5);
    expect(worstToleranceUse(outcome({ key: 'e', kind: 'exact', actual: [3], expected: [1] }), tol)).toBe(0);
  });
});
