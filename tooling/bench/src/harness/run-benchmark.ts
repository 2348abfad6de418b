// Runs one benchmark on the active backend. Cluster by cluster (a case with its references): set every case up,
// warm each up, interleave their timed runs, profile memory, dispose.
import * as tf from '@tensorflow/tfjs-core';
import { clusters } from './clusters';
import { selectCases, selectComparisons } from './filter';
import { tensorPeak, type TimingPlan } from './measure';
import type { MemoryProbe } from './probe';
import { median } from './stats';
import type { BenchCase, BenchContext, Benchmark, CaseResult, JobOutput, Workload } from './types';

export interface RunSettings extends TimingPlan {
  filter: string[];
  /** Called as each cluster starts (progress). */
  log?: (line: string) => void;
}

export async function runBenchmark(bench: Benchmark, ctx: BenchContext, settings: RunSettings, probe?: MemoryProbe): Promise<JobOutput> {
  const out: JobOutput = { benchmark: bench.name, title: bench.title, backend: ctx.backend, environment: ctx.environment, notes: [], comparisons: [], results: [] };
  const plan = await bench.plan(ctx);
  out.notes.push(...(plan.notes ?? []));
  if (plan.skip) {
    out.skipped = plan.skip;
    return out;
  }
  const cases = selectCases(settings.filter, bench.name, plan.cases, plan.comparisons);
  out.comparisons = selectComparisons(plan.comparisons, cases);
  const results = new Map<string, CaseResult>();
  for (const group of clusters(cases, out.comparisons)) {
    settings.log?.(`${bench.name}/${group.map((c) => c.id).join(' + ')} [${ctx.backend}]`);
    for (const r of await runCluster(bench.name, group, ctx, settings, probe)) results.set(r.case, r);
  }
  out.results = cases.map((c) => results.get(c.id) as CaseResult);
  return out;
}

interface Live {
  c: BenchCase;
  result: CaseResult;
  w?: Workload;
  plan: TimingPlan;
  spent: number;
  tensorsBefore: number;
}

function fail(l: Live, err: unknown): void {
  l.result.status = 'failed';
  l.result.reason = describeError(err);
}

const running = (l: Live) => l.result.status === 'ok' && l.w !== undefined;

export async function runCluster(bench: string, group: BenchCase[], ctx: BenchContext, settings: RunSettings, probe?: MemoryProbe): Promise<CaseResult[]> {
  const live: Live[] = group.map((c) => ({
    c,
    result: { benchmark: bench, case: c.id, backend: ctx.backend, environment: ctx.environment, params: c.params ?? {}, status: 'ok', warmup: 0, samplesMs: [], medianMs: null },
    plan: { ...settings, warmup: c.warmup ?? settings.warmup, runs: c.runs ?? settings.runs, minRuns: Math.min(c.minRuns ?? settings.minRuns, c.runs ?? settings.runs) },
    spent: 0,
    tensorsBefore: 0,
  }));
  try {
    for (const l of live) {
      if (l.c.skip) {
        l.result.status = 'skipped';
        l.result.reason = l.c.skip;
        continue;
      }
      l.tensorsBefore = tf.memory().numTensors;
      const heapBefore = l.c.memory && probe ? probe.heapBytes() : 0;
      try {
        l.w = await l.c.setup();
        if (l.c.memory && probe) l.result.retainedBytes = Math.max(0, probe.heapBytes() - heapBefore);
      } catch (err) {
        fail(l, err);
      }
    }
    for (const l of live.filter(running)) {
      l.result.warmup = l.plan.warmup;
      try {
        for (let i = 0; i < l.plan.warmup; i++) await l.w?.run();
      } catch (err) {
        fail(l, err);
      }
    }
    // Interleaved timed runs: one run of each case per round until each has its samples.
    const wants = (l: Live) => running(l) && l.result.samplesMs.length < l.plan.runs && !(l.result.samplesMs.length >= l.plan.minRuns && l.spent >= l.plan.budgetMs);
    while (live.some(wants)) {
      for (const l of live.filter(wants)) {
        try {
          const t0 = performance.now();
          await l.w?.run();
          const dt = performance.now() - t0;
          l.result.samplesMs.push(dt);
          l.spent += dt;
        } catch (err) {
          fail(l, err);
        }
      }
    }
    for (const l of live.filter(running)) {
      l.result.medianMs = median(l.result.samplesMs);
      if (!l.c.memory) continue;
      try {
        const { peak, extra } = await tensorPeak(l.w as Workload);
        l.result.peakTensorBytes = peak;
        l.result.extraTensorBytes = extra;
      } catch (err) {
        fail(l, err);
      }
    }
    if (probe) for (const l of live.filter(running)) l.result.maxRssBytes = probe.maxRssBytes();
  } finally {
    for (const l of [...live].reverse()) {
      try {
        l.w?.dispose();
      } catch (err) {
        l.result.reason = `${l.result.reason ? `${l.result.reason}; ` : ''}dispose failed: ${describeError(err)}`;
      }
    }
  }
  // A case that leaks would distort what runs after it; say so.
  const first = live.find((l) => l.w !== undefined);
  const leaked = first ? tf.memory().numTensors - first.tensorsBefore : 0;
  if (leaked > 0 && first) first.result.reason = `${leaked} tensor(s) of this cluster still alive after dispose`;
  return live.map((l) => l.result);
}

export function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.split('\n')[0].slice(0, 400);
}
