// Groups a benchmark's cases into clusters: a case and the references it is compared with (transitively).
// A cluster is set up together and its timed runs are interleaved (A, B, A, B, …), so a change of machine load
// during the run hits a case and its reference alike instead of skewing their ratio.
import type { BenchCase, Comparison } from './types';

export function clusters(cases: readonly BenchCase[], comparisons: readonly Comparison[]): BenchCase[][] {
  const index = new Map(cases.map((c, i) => [c.id, i]));
  const parent = cases.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const cmp of comparisons) {
    if (!('case' in cmp.against)) continue;
    const a = index.get(cmp.case);
    const b = index.get(cmp.against.case);
    if (a !== undefined && b !== undefined) parent[find(a)] = find(b);
  }
  const groups = new Map<number, BenchCase[]>();
  cases.forEach((c, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)?.push(c);
  });
  // In the order of each cluster's first case.
  return [...groups.values()];
}
