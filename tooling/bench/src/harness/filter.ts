// --filter: which benchmarks and cases run. A case that is selected brings the references it is compared with.
import type { BenchCase, Comparison } from './types';

/** Comma-separated patterns; each is a substring of '<benchmark>/<case>' ('*' matches anything). */
export function parseFilter(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function toRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(escaped, 'i');
}

export function matches(patterns: readonly string[], name: string): boolean {
  return patterns.length === 0 || patterns.some((p) => toRegExp(p).test(name));
}

/** Whether a benchmark may hold selected cases: its name matches, or a pattern names it and more ('name/...'). */
export function benchmarkSelected(patterns: readonly string[], benchmark: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) => toRegExp(p).test(benchmark) || toRegExp(p.split('/')[0]).test(benchmark));
}

/** The cases to run: those matching (all when the benchmark name matches), plus the references they need. */
export function selectCases(patterns: readonly string[], benchmark: string, cases: readonly BenchCase[], comparisons: readonly Comparison[]): BenchCase[] {
  if (patterns.length === 0 || matches(patterns, benchmark)) return [...cases];
  const chosen = new Set(cases.filter((c) => matches(patterns, `${benchmark}/${c.id}`)).map((c) => c.id));
  for (const cmp of comparisons) {
    if (chosen.has(cmp.case) && 'case' in cmp.against) chosen.add(cmp.against.case);
  }
  return cases.filter((c) => chosen.has(c.id));
}

/** The comparisons whose case and reference both run. */
export function selectComparisons(comparisons: readonly Comparison[], cases: readonly BenchCase[]): Comparison[] {
  const ids = new Set(cases.map((c) => c.id));
  return comparisons.filter((c) => ids.has(c.case) && (!('case' in c.against) || ids.has(c.against.case)));
}
