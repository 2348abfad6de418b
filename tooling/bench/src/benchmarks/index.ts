// The suite's own benchmarks, loaded lazily so a worker imports only the one it runs.
import type { Benchmark } from '../harness/types';

export interface BenchmarkEntry {
  name: string;
  load(): Promise<Benchmark>;
}

export const BENCHMARKS: BenchmarkEntry[] = [
  { name: 'prototype-head', load: async () => (await import('./prototype-head')).prototypeHeadBench },
  { name: 'losses', load: async () => (await import('./losses')).losses },
  { name: 'sampled-losses', load: async () => (await import('./sampled-losses')).sampledLosses },
  { name: 'figure1-epoch', load: async () => (await import('./figure1-epoch')).figure1Epoch },
  { name: 'hierarchy-queries', load: async () => (await import('./hierarchy-queries')).hierarchyQueries },
  { name: 'harness-selftest', load: async () => (await import('./selftest')).selftest },
];
