// A tiny benchmark for the harness's own smoke test: a 64² matrix product against a 32² one.
import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, Benchmark } from '../harness/types';
import { forwardOnly } from '../shared/step';

function matmulCase(n: number): BenchCase {
  return {
    id: `matmul/n=${n}`,
    params: { n },
    memory: true,
    setup() {
      const a = tf.randomNormal([n, n], 0, 1, 'float32', 1);
      return { run: () => forwardOnly(() => tf.matMul(a, a)), dispose: () => a.dispose() };
    },
  };
}

export const selftest: Benchmark = {
  name: 'harness-selftest',
  title: 'Harness self-test (tiny matrix products)',
  plan: () => ({
    cases: [matmulCase(32), matmulCase(64)],
    comparisons: [
      { case: 'matmul/n=64', against: { case: 'matmul/n=32' } },
      { case: 'matmul/n=64', against: { budget: 1000, label: '1 s budget' }, target: { max: 1 } },
    ],
  }),
};
