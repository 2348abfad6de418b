// Timing (warm-up runs, then timed runs) and memory (one profiled run) of one workload.
import * as tf from '@tensorflow/tfjs-core';
import type { Workload } from './types';

export interface TimingPlan {
  warmup: number;
  runs: number;
  /** Stop taking samples once this much time went into timed runs (at least `minRuns` are taken). */
  budgetMs: number;
  minRuns: number;
}

/** Warm-up runs, then up to `runs` timed ones; returns each timed run's milliseconds. */
export async function timeWorkload(w: Workload, plan: TimingPlan, now: () => number = () => performance.now()): Promise<number[]> {
  for (let i = 0; i < plan.warmup; i++) await w.run();
  const samples: number[] = [];
  let spent = 0;
  for (let i = 0; i < plan.runs; i++) {
    const t0 = now();
    await w.run();
    const dt = now() - t0;
    samples.push(dt);
    spent += dt;
    if (samples.length >= plan.minRuns && spent >= plan.budgetMs) break;
  }
  return samples;
}

/** tfjs's tensor-bytes high-water during one run (absolute, and above what was alive before it). */
export async function tensorPeak(w: Workload): Promise<{ peak: number; extra: number }> {
  const before = tf.memory().numBytes;
  const info = await tf.profile(async () => {
    await w.run();
  });
  // peakBytes is the largest snapshot taken after a kernel; -Infinity when the run ran no kernel.
  const peak = Math.max(before, Number.isFinite(info.peakBytes) ? info.peakBytes : before);
  return { peak, extra: peak - before };
}
