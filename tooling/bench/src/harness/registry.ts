// Resolves a job's benchmark reference: a built-in name, or 'file:<path>' for a module in src/*.bench.ts.
import { BENCHMARKS } from '../benchmarks/index';
import type { Benchmark } from './types';

export const FILE_PREFIX = 'file:';

export async function loadBenchmarks(ref: string): Promise<Benchmark[]> {
  if (ref.startsWith(FILE_PREFIX)) {
    const { loadExternalBenchmarks } = await import('./external');
    return loadExternalBenchmarks(ref.slice(FILE_PREFIX.length));
  }
  const entry = BENCHMARKS.find((b) => b.name === ref);
  if (!entry) throw new Error(`no benchmark '${ref}'; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  return [await entry.load()];
}
