// How many runs a case gets, and its tensor-memory high-water over one run.
import * as tf from '@tensorflow/tfjs-core';
import type { Workload } from './types';

export interface TimingPlan {
  warmup: number;
  runs: number;
  /** Stop taking samples once this much time went into a case's timed runs (at least `minRuns` are taken). */
  budgetMs: number;
  minRuns: number;
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
