// Issue 8 (1): the prototype head, forward + backward, B = 256, d = 512, against tf.layers.dense of the same shape
// and against the seed's broadcast form at K = 1,000.
import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, Benchmark, Comparison } from '../harness/types';
import { broadcastHead, denseHead, prototypeHead as makePrototypeHead, prototypeHeadApi, type Head, type HeadMetric } from '../shared/heads';
import { forwardBackward, randomVariable } from '../shared/step';

const B = 256;
const D = 512;
const METRICS: HeadMetric[] = ['euclidean', 'cosine'];
const BROADCAST_K = 1000;

/** Loss = Σ logits; gradients for the embeddings and the head's weights. */
function headCase(id: string, params: Record<string, string | number>, make: () => Head | Promise<Head>, extra: Partial<BenchCase> = {}): BenchCase {
  return {
    id,
    params,
    ...extra,
    async setup() {
      const head = await make();
      const x = randomVariable([B, D], 3);
      const vars = [x, ...head.variables];
      const x2 = x as tf.Tensor2D;
      return {
        run: () => forwardBackward(() => tf.sum(head.logits(x2)) as tf.Scalar, vars),
        dispose: () => {
          x.dispose();
          head.dispose();
        },
      };
    },
  };
}

export const prototypeHeadBench: Benchmark = {
  name: 'prototype-head',
  title: 'Prototype head forward + backward vs tf.layers.dense (B = 256, d = 512)',
  async plan(ctx) {
    const ks = ctx.quick ? [100, 1000] : [100, 1000, 10000];
    const cases: BenchCase[] = [];
    const comparisons: Comparison[] = [];
    for (const k of ks) {
      const dense = `dense/K=${k}`;
      cases.push(headCase(dense, { B, d: D, K: k, api: 'tf.layers.dense' }, () => denseHead(k, D), { memory: k === BROADCAST_K }));
      for (const m of METRICS) {
        const proto = `proto/${m}/K=${k}`;
        cases.push(headCase(proto, { B, d: D, K: k, metric: m }, () => makePrototypeHead(k, D, m), { memory: k === BROADCAST_K }));
        comparisons.push({ case: proto, against: { case: dense }, target: { max: 1.0 } });
        if (k === BROADCAST_K) comparisons.push({ case: proto, against: { case: dense }, metric: 'extraTensorBytes' });
      }
    }
    for (const m of METRICS) {
      const seed = `seed-broadcast/${m}/K=${BROADCAST_K}`;
      const proto = `proto/${m}/K=${BROADCAST_K}`;
      // Seconds a run and GBs of [B, K, d] tensors: one warm-up, few runs.
      // Seconds to minutes a run (0.5 GiB tensors): a quick pass measures it on Node's wasm only.
      const skip = ctx.quick && !(ctx.environment === 'node' && ctx.backend === 'wasm') ? 'quick pass: the seed form runs on Node wasm only (every backend in a full pass)' : undefined;
      cases.push(headCase(seed, { B, d: D, K: BROADCAST_K, metric: m }, () => broadcastHead(BROADCAST_K, D, m), { warmup: 1, runs: ctx.quick ? 1 : 3, memory: !ctx.quick, skip }));
      comparisons.push({ case: proto, against: { case: seed }, target: { max: 0.05, text: '≤ 0.05 (≥ 20× faster)' } });
      if (!ctx.quick) comparisons.push({ case: proto, against: { case: seed }, metric: 'extraTensorBytes' });
    }
    return { cases, comparisons, notes: [`prototype head = @mgp/core ${await prototypeHeadApi()}`] };
  },
};
