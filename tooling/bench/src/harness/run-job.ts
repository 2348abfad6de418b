// Runs one job (one benchmark reference on one backend) in this process, the backend already active.
import { filterBenchmarks, unsupportedReason } from './select';
import type { BenchmarkLoader } from './registry';
import { describeError, runBenchmark } from './run-benchmark';
import type { JobSpec } from './job';
import type { MemoryProbe } from './probe';
import type { JobOutput } from './types';

export async function runJob(spec: JobSpec, load: BenchmarkLoader, backendInfo: Record<string, unknown> | undefined, probe?: MemoryProbe, log?: (line: string) => void): Promise<JobOutput[]> {
  const outputs: JobOutput[] = [];
  let benches;
  try {
    benches = filterBenchmarks(await load(spec.benchmark), spec);
  } catch (err) {
    return [failedJob(spec, `could not load: ${describeError(err)}`)];
  }
  for (const bench of benches) {
    const unsupported = unsupportedReason(bench, spec);
    if (unsupported) {
      outputs.push({ ...failedJob({ ...spec, benchmark: bench.name }, unsupported), title: bench.title });
      continue;
    }
    const ctx = { backend: spec.backend, environment: spec.environment, quick: spec.quick, explicitBackend: spec.explicitBackend };
    try {
      const out = await runBenchmark(bench, ctx, { ...spec, log }, probe);
      out.backendInfo = backendInfo;
      outputs.push(out);
    } catch (err) {
      outputs.push(failedJob({ ...spec, benchmark: bench.name }, `planning failed: ${describeError(err)}`));
    }
  }
  return outputs;
}

/** A job that produced nothing: the reason goes in `skipped`. */
export function failedJob(spec: JobSpec, reason: string): JobOutput {
  return {
    benchmark: spec.benchmark,
    title: spec.benchmark,
    backend: spec.backend,
    environment: spec.environment,
    skipped: reason,
    notes: [],
    comparisons: [],
    results: [],
  };
}
