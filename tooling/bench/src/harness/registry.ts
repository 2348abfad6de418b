// Resolves a job's benchmark reference to Benchmark objects.
import type { BenchmarkEntry } from '../benchmarks/index';
import type { Benchmark } from './types';

export const FILE_PREFIX = 'file:';

export type BenchmarkLoader = (ref: string) => Promise<Benchmark[]>;

/** A loader over a fixed list of entries (the page uses the browser-capable ones). */
export function listLoader(entries: readonly BenchmarkEntry[]): BenchmarkLoader {
  return async (ref) => {
    const entry = entries.find((b) => b.name === ref);
    if (!entry) throw new Error(`no benchmark '${ref}' here; known: ${entries.map((b) => b.name).join(', ')}`);
    return [await entry.load()];
  };
}
