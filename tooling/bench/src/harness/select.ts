// Which benchmarks of a job run here: the environment and backend they allow, and the --filter.
import { benchmarkSelected } from './filter';
import type { JobSpec } from './job';
import type { Benchmark } from './types';

export function filterBenchmarks(benches: Benchmark[], spec: JobSpec): Benchmark[] {
  return benches.filter((b) => benchmarkSelected(spec.filter, b.name));
}

/** Why a benchmark does not run in this environment / on this backend, or undefined when it does. */
export function unsupportedReason(bench: Benchmark, spec: Pick<JobSpec, 'backend' | 'environment'>): string | undefined {
  if (bench.environments && !bench.environments.includes(spec.environment)) return `runs only in ${bench.environments.join(', ')}`;
  if (bench.backends && !bench.backends.includes(spec.backend)) return `runs only on ${bench.backends.join(', ')}`;
  return undefined;
}
