import { describe, expect, it } from 'vitest';
import { compareJob } from './compare';
import type { CaseResult, JobOutput } from './types';

function result(id: string, medianMs: number | null, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    benchmark: 'b',
    case: id,
    backend: 'cpu',
    environment: 'node',
    params: {},
    status: 'ok',
    warmup: 1,
    samplesMs: medianMs === null ? [] : [medianMs],
    medianMs,
    ...extra,
  };
}

function job(results: CaseResult[], comparisons: JobOutput['comparisons']): JobOutput {
  return { benchmark: 'b', title: 'b', backend: 'cpu', environment: 'node', notes: [], comparisons, results };
}

describe('compareJob', () => {
  it('reports each case as a ratio of its reference in the same job', () => {
    const rows = compareJob(
      job([result('fast', 30), result('ref', 120)], [{ case: 'fast', against: { case: 'ref' }, target: { max: 1 } }]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ case: 'fast', reference: 'ref', value: 30, referenceValue: 120, ratio: 0.25, verdict: 'met', target: '≤ 1' });
  });

  it('compares against a fixed budget and on memory metrics', () => {
    const rows = compareJob(
      job([result('big', 10, { peakTensorBytes: 3 * 2 ** 30 })], [{ case: 'big', against: { budget: 2 ** 30, label: '1 GiB' }, metric: 'peakTensorBytes', target: { max: 1 } }]),
    );
    expect(rows[0]).toMatchObject({ reference: '1 GiB', ratio: 3, verdict: 'missed', metric: 'peakTensorBytes' });
  });

  it('gives no ratio, and says why, when the reference failed', () => {
    const rows = compareJob(
      job([result('x', 10), result('ref', null, { status: 'failed', reason: 'out of memory' })], [{ case: 'x', against: { case: 'ref' }, target: { max: 1 } }]),
    );
    expect(rows[0].ratio).toBeNull();
    expect(rows[0].verdict).toBe('n/a');
    expect(rows[0].note).toContain('out of memory');
  });

  it('leaves out a comparison whose reference was skipped on this backend', () => {
    const rows = compareJob(
      job([result('x', 10), result('ref', null, { status: 'skipped', reason: 'quick pass' })], [{ case: 'x', against: { case: 'ref' } }, { case: 'x', against: { budget: 100, label: 'b' } }]),
    );
    expect(rows.map((r) => r.reference)).toEqual(['b']);
  });
});
