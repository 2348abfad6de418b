// What the suite asks of one worker: one benchmark on one backend.
import type { Environment } from './types';

export interface JobSpec {
  benchmark: string;
  backend: string;
  environment: Environment;
  quick: boolean;
  explicitBackend: boolean;
  filter: string[];
  warmup: number;
  runs: number;
  minRuns: number;
  budgetMs: number;
}

export const JOB_ENV = 'MGP_BENCH_JOB';
export const OUT_ENV = 'MGP_BENCH_OUT';
/** Progress lines a worker prints start with this, so the suite can pass them on and drop tfjs's own chatter. */
export const PROGRESS_PREFIX = '[bench] ';
