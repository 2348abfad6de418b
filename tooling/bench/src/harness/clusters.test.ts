import { describe, expect, it } from 'vitest';
import { clusters } from './clusters';
import type { BenchCase, Comparison } from './types';

const mk = (id: string): BenchCase => ({ id, setup: () => ({ run() {}, dispose() {} }) });

describe('clusters', () => {
  it('groups a case with its references, transitively, and leaves budget-only cases alone', () => {
    const cases = ['dense', 'proto', 'seed', 'other', 'alone'].map(mk);
    const comparisons: Comparison[] = [
      { case: 'proto', against: { case: 'dense' } },
      { case: 'proto', against: { case: 'seed' } },
      { case: 'alone', against: { budget: 1000, label: '1 s' } },
    ];
    expect(clusters(cases, comparisons).map((g) => g.map((c) => c.id))).toEqual([['dense', 'proto', 'seed'], ['other'], ['alone']]);
  });
});
