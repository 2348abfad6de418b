import { describe, expect, it } from 'vitest';
import { median, ratio, verdict } from './stats';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([9, 2, 7, 4, 100])).toBe(7);
  });
  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });
  it('is robust to one wild sample, unlike the mean', () => {
    expect(median([10, 11, 12, 13, 10_000])).toBe(12);
  });
  it('ignores non-finite samples and gives null for none', () => {
    expect(median([NaN, 2, Infinity, 4])).toBe(3);
    expect(median([])).toBeNull();
    expect(median([NaN])).toBeNull();
  });
  it('does not reorder its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

describe('ratio', () => {
  it('divides case by reference', () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(300, 100)).toBe(3);
  });
  it('is null when either side is missing or the reference is not positive', () => {
    expect(ratio(null, 1)).toBeNull();
    expect(ratio(1, null)).toBeNull();
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(1, -2)).toBeNull();
    expect(ratio(NaN, 1)).toBeNull();
  });
});

describe('verdict', () => {
  it('checks max and min bounds inclusively', () => {
    expect(verdict(1.0, { max: 1.0 })).toBe('met');
    expect(verdict(1.01, { max: 1.0 })).toBe('missed');
    expect(verdict(20, { min: 20 })).toBe('met');
    expect(verdict(19.9, { min: 20 })).toBe('missed');
  });
  it("is '' without a bound and 'n/a' without a ratio", () => {
    expect(verdict(0.5, undefined)).toBe('');
    expect(verdict(null, { max: 1 })).toBe('n/a');
  });
});
