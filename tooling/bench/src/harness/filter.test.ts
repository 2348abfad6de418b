import { describe, expect, it } from 'vitest';
import { selectCases, selectComparisons } from './filter';
import type { BenchCase, Comparison } from './types';

const mk = (id: string): BenchCase => ({ id, setup: () => ({ run() {}, dispose() {} }) });
const cases = [mk('dense/K=100'), mk('proto/euclidean/K=100'), mk('proto/cosine/K=100'), mk('seed/K=100')];
const comparisons: Comparison[] = [
  { case: 'proto/euclidean/K=100', against: { case: 'dense/K=100' } },
  { case: 'proto/cosine/K=100', against: { case: 'dense/K=100' } },
];

describe('selectCases', () => {
  it('runs everything without a filter or when the benchmark name matches', () => {
    expect(selectCases([], 'prototype-head', cases, comparisons)).toHaveLength(4);
    expect(selectCases(['prototype'], 'prototype-head', cases, comparisons)).toHaveLength(4);
  });
  it('brings the reference of a selected case along, so its ratio exists', () => {
    const chosen = selectCases(['prototype-head/proto/euclidean'], 'prototype-head', cases, comparisons).map((c) => c.id);
    expect(chosen).toEqual(['dense/K=100', 'proto/euclidean/K=100']);
    expect(selectComparisons(comparisons, chosen.map(mk))).toEqual([comparisons[0]]);
  });
  it("supports '*' wildcards", () => {
    const chosen = selectCases(['prototype-head/*cosine*'], 'prototype-head', cases, comparisons).map((c) => c.id);
    expect(chosen).toEqual(['dense/K=100', 'proto/cosine/K=100']);
  });
});
