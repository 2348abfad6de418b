// Turns case results into comparison rows: each figure as a ratio against its reference of the same run and backend.
import { ratio, verdict } from './stats';
import type { CaseResult, Comparison, ComparisonRow, JobOutput, Metric, Target } from './types';

export function metricValue(result: CaseResult | undefined, metric: Metric): number | null {
  if (!result || result.status !== 'ok') return null;
  switch (metric) {
    case 'time':
      return result.medianMs;
    case 'peakTensorBytes':
      return result.peakTensorBytes ?? null;
    case 'extraTensorBytes':
      return result.extraTensorBytes ?? null;
    case 'retainedBytes':
      return result.retainedBytes ?? null;
    case 'maxRssBytes':
      return result.maxRssBytes ?? null;
  }
}

export function targetText(target: Target | undefined): string | undefined {
  if (!target) return undefined;
  if (target.text) return target.text;
  const parts: string[] = [];
  if (target.min !== undefined) parts.push(`≥ ${target.min}`);
  if (target.max !== undefined) parts.push(`≤ ${target.max}`);
  return parts.join(', ');
}

function why(result: CaseResult | undefined, id: string): string {
  if (!result) return `'${id}' was not run`;
  return `'${id}' ${result.status}${result.reason ? `: ${result.reason}` : ''}`;
}

/** One row per comparison, except where the case or its reference was skipped (those are listed elsewhere). */
export function compareJob(job: JobOutput): ComparisonRow[] {
  const byId = new Map(job.results.map((r) => [r.case, r]));
  const skipped = (id: string) => byId.get(id)?.status === 'skipped';
  return job.comparisons.filter((c) => !skipped(c.case) && !('case' in c.against && skipped(c.against.case))).map((c) => compareOne(job, c, byId));
}

function compareOne(job: JobOutput, c: Comparison, byId: Map<string, CaseResult>): ComparisonRow {
  const metric = c.metric ?? 'time';
  const result = byId.get(c.case);
  const value = metricValue(result, metric);
  let reference: string;
  let referenceValue: number | null;
  let runs = String(result?.samplesMs.length ?? 0);
  const notes: string[] = [];
  if ('case' in c.against) {
    reference = c.against.case;
    const ref = byId.get(c.against.case);
    referenceValue = metricValue(ref, metric);
    runs += `/${ref?.samplesMs.length ?? 0}`;
    if (referenceValue === null) notes.push(`reference ${why(ref, c.against.case)}`);
  } else {
    reference = c.against.label;
    referenceValue = c.against.budget;
  }
  if (value === null) notes.push(why(result, c.case));
  if (c.note) notes.push(c.note);
  const r = ratio(value, referenceValue);
  return {
    benchmark: job.benchmark,
    backend: job.backend,
    environment: job.environment,
    case: c.case,
    reference,
    metric,
    value,
    referenceValue,
    ratio: r,
    runs: metric === 'time' ? runs : '1',
    target: targetText(c.target),
    verdict: verdict(r, c.target),
    note: notes.length > 0 ? notes.join('; ') : undefined,
  };
}
