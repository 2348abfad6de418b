// The benchmarks that run in a page: not figure1-epoch (it reads MNIST from a Node package), not
// hierarchy-queries (plain JavaScript, measured once in Node).
import type { BenchmarkEntry } from '../benchmarks/index';

export const BROWSER_BENCHMARKS: BenchmarkEntry[] = [
  { name: 'prototype-head', load: async () => (await import('../benchmarks/prototype-head')).prototypeHeadBench },
  { name: 'losses', load: async () => (await import('../benchmarks/losses')).losses },
  { name: 'sampled-losses', load: async () => (await import('../benchmarks/sampled-losses')).sampledLosses },
  { name: 'harness-selftest', load: async () => (await import('../benchmarks/selftest')).selftest },
];
