// Runs one benchmark on the active backend: each case set up, warmed up, timed, profiled for memory, disposed.
import * as tf from '@tensorflow/tfjs-core';
import { selectCases, selectComparisons } from './filter';
import { median } from './stats';
import { tensorPeak, timeWorkload, type TimingPlan } from './measure';
import type { MemoryProbe } from './probe';
import type { BenchCase, BenchContext, Benchmark, CaseResult, JobOutput, Workload } from './types';

export interface RunSettings extends TimingPlan {
  filter: string[];
  /** Called before each case starts (progress). */
  log?: (line: string) => void;
}

export async function runBenchmark(bench: Benchmark, ctx: BenchContext, settings: RunSettings, probe?: MemoryProbe): Promise<JobOutput> {
  const out: JobOutput = {
    benchmark: bench.name,
    title: bench.title,
    backend: ctx.backend,
    environment: ctx.environment,
    notes: [],
    comparisons: [],
    results: [],
  };
  const plan = await bench.plan(ctx);
  out.notes.push(...(plan.notes ?? []));
  if (plan.skip) {
    out.skipped = plan.skip;
    return out;
  }
  const cases = selectCases(settings.filter, bench.name, plan.cases, plan.comparisons);
  out.comparisons = selectComparisons(plan.comparisons, cases);
  for (const c of cases) {
    settings.log?.(`${bench.name}/${c.id} [${ctx.backend}]`);
    out.results.push(await runCase(bench.name, c, ctx, settings, probe));
  }
  return out;
}

function blank(bench: string, c: BenchCase, ctx: BenchContext): CaseResult {
  return {
    benchmark: bench,
    case: c.id,
    backend: ctx.backend,
    environment: ctx.environment,
    params: c.params ?? {},
    status: 'ok',
    warmup: 0,
    samplesMs: [],
    medianMs: null,
  };
}

export async function runCase(bench: string, c: BenchCase, ctx: BenchContext, settings: RunSettings, probe?: MemoryProbe): Promise<CaseResult> {
  const result = blank(bench, c, ctx);
  if (c.skip) return { ...result, status: 'skipped', reason: c.skip };
  const tensorsBefore = tf.memory().numTensors;
  const heapBefore = c.memory && probe ? probe.heapBytes() : 0;
  let w: Workload | undefined;
  try {
    w = await c.setup();
    if (c.memory && probe) result.retainedBytes = Math.max(0, probe.heapBytes() - heapBefore);
    const plan: TimingPlan = {
      ...settings,
      warmup: c.warmup ?? settings.warmup,
      runs: c.runs ?? settings.runs,
      minRuns: Math.min(settings.minRuns, c.runs ?? settings.runs),
    };
    result.warmup = plan.warmup;
    result.samplesMs = await timeWorkload(w, plan);
    result.medianMs = median(result.samplesMs);
    if (c.memory) {
      const { peak, extra } = await tensorPeak(w);
      result.peakTensorBytes = peak;
      result.extraTensorBytes = extra;
    }
    if (probe) result.maxRssBytes = probe.maxRssBytes();
  } catch (err) {
    result.status = 'failed';
    result.reason = describeError(err);
  } finally {
    try {
      w?.dispose();
    } catch (err) {
      result.reason = `${result.reason ? `${result.reason}; ` : ''}dispose failed: ${describeError(err)}`;
    }
  }
  // A case that leaks would distort every case after it; say so.
  const leaked = tf.memory().numTensors - tensorsBefore;
  if (leaked > 0 && result.status === 'ok') result.reason = `${leaked} tensor(s) still alive after dispose`;
  return result;
}

export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.split('\n')[0].slice(0, 400);
}
