// The benchmarks that can run in a page (figure1-epoch reads MNIST from the Node package and stays out).
import type { BenchmarkEntry } from '../benchmarks/index';

export const BROWSER_BENCHMARKS: BenchmarkEntry[] = [
  { name: 'prototype-head', load: async () => (await import('../benchmarks/prototype-head')).prototypeHeadBench },
  { name: 'losses', load: async () => (await import('../benchmarks/losses')).losses },
  { name: 'sampled-losses', load: async () => (await import('../benchmarks/sampled-losses')).sampledLosses },
  { name: 'hierarchy-queries', load: async () => (await import('../benchmarks/hierarchy-queries')).hierarchyQueries },
  { name: 'harness-selftest', load: async () => (await import('../benchmarks/selftest')).selftest },
];
