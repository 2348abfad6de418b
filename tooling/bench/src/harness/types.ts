// The shapes shared by the harness, the benchmarks and the reports. No tfjs here: this file is plain data.

/** Where a benchmark runs: a Node worker process or a headless Chromium page. */
export type Environment = 'node' | 'browser';

/** What one run of the suite was asked to do, as every benchmark sees it. */
export interface BenchContext {
  /** The tfjs backend active while the benchmark runs ('cpu', 'wasm', 'webgl'). */
  backend: string;
  environment: Environment;
  /** `--quick`: fewer sizes and runs. */
  quick: boolean;
  /** True when the user named this backend with `--backend` (slow cases may run only then). */
  explicitBackend: boolean;
}

/** One prepared workload: `run` is what gets timed; `dispose` frees what setup made. */
export interface Workload {
  run(): void | Promise<void>;
  dispose(): void;
}

/** A measured workload of a benchmark. */
export interface BenchCase {
  /** Unique within its benchmark, e.g. 'proto/euclidean/K=1000'. */
  id: string;
  /** Shapes and settings, copied into the results. */
  params?: Record<string, string | number | boolean>;
  /** Builds the inputs (not timed). */
  setup(): Workload | Promise<Workload>;
  /** Also measure memory: tensor high-water during one run, and heap retained by setup. */
  memory?: boolean;
  /** Override the suite's warm-up / timed run counts (e.g. a reference that takes seconds a run). */
  warmup?: number;
  runs?: number;
  /** Runs taken even past the time budget (default: the suite's, 3). */
  minRuns?: number;
  /** Set to skip this case on this backend, with the reason reported. */
  skip?: string;
}

/** What a case is compared on. */
export type Metric = 'time' | 'peakTensorBytes' | 'extraTensorBytes' | 'retainedBytes' | 'maxRssBytes';

/** A reference: another case of the same benchmark, measured in the same run on the same backend, or a fixed budget. */
export type Reference = { case: string } | { budget: number; label: string };

/** A bound on the ratio value / reference. */
export interface Target {
  max?: number;
  min?: number;
  /** How the target reads in the table, e.g. '≤ 1.0' or '≥ 20× faster'. */
  text?: string;
}

export interface Comparison {
  case: string;
  against: Reference;
  /** Default 'time'. */
  metric?: Metric;
  target?: Target;
  note?: string;
}

/** What a benchmark measures in a given context. */
export interface BenchPlan {
  cases: BenchCase[];
  comparisons: Comparison[];
  /** Set to skip the whole benchmark here, with the reason reported. */
  skip?: string;
  notes?: string[];
}

export interface Benchmark {
  /** Short name used by `--filter`, e.g. 'prototype-head'. */
  name: string;
  title: string;
  /** Environments it can run in (default both). */
  environments?: Environment[];
  /** Backends it runs on (default every backend of the run). */
  backends?: string[];
  plan(ctx: BenchContext): BenchPlan | Promise<BenchPlan>;
}

// ------------------------------------------------------------------ results

export type Status = 'ok' | 'skipped' | 'failed';

export interface CaseResult {
  benchmark: string;
  case: string;
  backend: string;
  environment: Environment;
  params: Record<string, string | number | boolean>;
  status: Status;
  reason?: string;
  warmup: number;
  samplesMs: number[];
  medianMs: number | null;
  /** tf.memory().numBytes high-water during one run (tf.profile), absolute. */
  peakTensorBytes?: number;
  /** The same high-water less the bytes alive before the run. */
  extraTensorBytes?: number;
  /** JS heap + array buffers retained by setup (Node, with --expose-gc). */
  retainedBytes?: number;
  /** The worker process's resident-set high-water so far (Node). */
  maxRssBytes?: number;
}

export type Verdict = 'met' | 'missed' | 'n/a' | '';

export interface ComparisonRow {
  benchmark: string;
  backend: string;
  environment: Environment;
  case: string;
  reference: string;
  metric: Metric;
  value: number | null;
  referenceValue: number | null;
  ratio: number | null;
  /** Timed runs behind the figures: 'case/reference' (a budget: the case's alone). */
  runs: string;
  target?: string;
  verdict: Verdict;
  note?: string;
}

/** What one worker (one benchmark on one backend) hands back. */
export interface JobOutput {
  benchmark: string;
  title: string;
  backend: string;
  environment: Environment;
  backendInfo?: Record<string, unknown>;
  skipped?: string;
  notes: string[];
  comparisons: Comparison[];
  results: CaseResult[];
}
