// The suite's own benchmarks, loaded lazily so a worker imports only the one it runs.
import type { Benchmark } from '../harness/types';

export interface BenchmarkEntry {
  name: string;
  load(): Promise<Benchmark>;
  /** Plain JavaScript, no tfjs: run once (on the first Node backend), not once per backend. */
  anyBackend?: boolean;
}

export const BENCHMARKS: BenchmarkEntry[] = [
  { name: 'prototype-head', load: async () => (await import('./prototype-head')).prototypeHeadBench },
  { name: 'losses', load: async () => (await import('./losses')).losses },
  { name: 'sampled-losses', load: async () => (await import('./sampled-losses')).sampledLosses },
  { name: 'figure1-epoch', load: async () => (await import('./figure1-epoch')).figure1Epoch },
  { name: 'hierarchy-queries', load: async () => (await import('./hierarchy-queries')).hierarchyQueries, anyBackend: true },
  { name: 'harness-selftest', load: async () => (await import('./selftest')).selftest },
];
