// Grouping triplets by anchor against a stable sort of the triplets by their first class.
import { describe, expect, it } from 'vitest';
import { sampleTriplets } from '../random';
import { groupByAnchor } from './anchor-order';

const rows = (t: { i: Int32Array; j: Int32Array; k: Int32Array }) => Array.from(t.i, (i, n) => [i, t.j[n], t.k[n]]);

describe('groupByAnchor', () => {
  it.each([
    [5, 200],
    [300, 1000], // more classes than triplets: many empty groups
  ])('K = %i, T = %i: the triplets stably sorted by anchor', (k, count) => {
    const drawn = sampleTriplets(k, count, 17);
    const expected = rows(drawn).sort((a, b) => a[0] - b[0]); // Array.prototype.sort is stable
    expect(rows(groupByAnchor(drawn, k))).toEqual(expected);
  });

  it('leaves its input as it was', () => {
    const drawn = sampleTriplets(7, 50, 2);
    const before = rows(drawn);
    groupByAnchor(drawn, 7);
    expect(rows(drawn)).toEqual(before);
  });
});
