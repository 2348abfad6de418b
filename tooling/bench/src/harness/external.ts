// The other packages' bench files in src/*.bench.ts. A file that exports `benchmark` (or `benchmarks`) of this
// harness's type joins the suite as a benchmark; any other file is a script that the suite runs on its own
// (with --quick passed on) and whose output it reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark } from './types';

export interface ExternalFile {
  file: string;
  /** 'module': exports Benchmark objects; 'script': runs on its own. */
  kind: 'module' | 'script';
}

const EXPORTS_BENCHMARK = /export\s+(const|let|var)\s+benchmarks?\b|export\s*\{[^}]*\bbenchmarks?\b[^}]*\}/;

export function findExternalFiles(srcDir: string): ExternalFile[] {
  let names: string[];
  try {
    names = readdirSync(srcDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.bench.ts'))
    .sort()
    .map((n) => {
      const file = join(srcDir, n);
      return { file, kind: EXPORTS_BENCHMARK.test(readFileSync(file, 'utf8')) ? 'module' : 'script' };
    });
}

function isBenchmark(x: unknown): x is Benchmark {
  return typeof x === 'object' && x !== null && typeof (x as Benchmark).name === 'string' && typeof (x as Benchmark).plan === 'function';
}

/** The Benchmark objects a module file exports. */
export async function loadExternalBenchmarks(file: string): Promise<Benchmark[]> {
  const mod = (await import(file)) as { benchmark?: unknown; benchmarks?: unknown };
  const found = [mod.benchmark, ...(Array.isArray(mod.benchmarks) ? mod.benchmarks : [])].filter(isBenchmark);
  if (found.length === 0) throw new Error(`${file} exports no Benchmark ({ name, title, plan })`);
  return found;
}
