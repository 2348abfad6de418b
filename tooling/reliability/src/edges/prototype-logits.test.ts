// Prototype logits and the prototype layers at the edges: embeddings equal to prototypes, norms of 1e6 and 1e-6,
// zero embeddings, all-equal prototypes. Cross-entropy on the logits and its gradients (embeddings and
// prototypes) must stay finite for every metric.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, PROTOTYPE_METRICS, deepNcmUpdate, prototypeLogits } from '@mgp/core';
import { MgpInputError } from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { valueAndGrads } from '../support/grad-check';
import { randomMatrix, type Matrix } from '../support/matrices';

beforeAll(async () => {
  await useTestBackend();
});

const K = 4;
const d = 3;
const scaled = (m: Matrix, s: number) => m.map((row) => row.map((v) => v * s));
const P = randomMatrix(K, d, 5);

/** [situation, embeddings, prototypes]: embeddings row i belongs to class i % K. */
const SITUATIONS: Array<[string, Matrix, Matrix]> = [
  ['embeddings equal to their prototypes', P, P],
  ['embeddings equal to prototypes, norms 1e6', scaled(P, 1e6), scaled(P, 1e6)],
  ['embeddings equal to prototypes, norms 1e-6', scaled(P, 1e-6), scaled(P, 1e-6)],
  ['embeddings of norm 1e6, prototypes of norm ~1', scaled(randomMatrix(6, d, 6), 1e6), P],
  ['embeddings of norm 1e-6, prototypes of norm ~1', scaled(randomMatrix(6, d, 7), 1e-6), P],
  ['zero embeddings', [[0, 0, 0], [0, 0, 0]], P],
  ['all prototypes equal', randomMatrix(5, d, 8), [P[0], P[0], P[0], P[0]]],
  ['all prototypes equal to the embeddings', [P[0], P[0]], [P[0], P[0], P[0], P[0]]],
];

const crossEntropy = (logits: tf.Tensor) => {
  const n = logits.shape[0];
  const target = tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => i % K), 'int32'), K);
  return tf.losses.softmaxCrossEntropy(target, logits);
};

describe('prototypeLogits at the edges: cross-entropy and its gradients stay finite', () => {
  it.each(SITUATIONS.flatMap(([name, x, p]) => PROTOTYPE_METRICS.map((metric) => [name, metric, x, p] as const)))('%s, metric %s', (_, metric, x, p) => {
    const [xs, ps] = [tf.tensor2d(x), tf.tensor2d(p)];
    const logits = valueAndGrads((a, b) => prototypeLogits(a as tf.Tensor2D, b as tf.Tensor2D, { metric, delta: 0.5 }), [xs, ps]);
    const loss = valueAndGrads((a, b) => crossEntropy(prototypeLogits(a as tf.Tensor2D, b as tf.Tensor2D, { metric, delta: 0.5 })), [xs, ps]);
    tf.dispose([xs, ps]);
    expect(logits.nonFinite).toBeNull();
    expect(loss.nonFinite).toBeNull();
  });

  it.each(PROTOTYPE_METRICS)('an embedding equal to a prototype scores it best (%s)', (metric) => {
    const logits = tf.tidy(() => prototypeLogits(tf.tensor2d(P), tf.tensor2d(P), { metric }).arraySync() as number[][]);
    logits.forEach((row, i) => expect(row.indexOf(Math.max(...row))).toBe(i));
  });
});

describe('the layers at the edges', () => {
  it('LearntPrototypes trains a step on embeddings equal to its prototypes, at norms 1e6 and 1e-6, with finite gradients', () => {
    for (const scale of [1, 1e6, 1e-6]) {
      for (const metric of PROTOTYPE_METRICS) {
        const layer = new LearntPrototypes({ initialPrototypes: scaled(P, scale), metric });
        const x = tf.tensor2d(scaled(P, scale));
        layer.apply(x); // builds
        const grads = tf.variableGrads(() => crossEntropy(layer.apply(x) as tf.Tensor) as tf.Scalar, layer.trainableWeights.map((w) => (w as unknown as { val: tf.Variable }).val));
        for (const g of Object.values(grads.grads)) expect(g.dataSync().every(Number.isFinite), `${metric} at ${scale}`).toBe(true);
        expect(Number.isFinite(grads.value.dataSync()[0])).toBe(true);
        tf.dispose([x, grads.value, ...Object.values(grads.grads)]);
        layer.dispose();
      }
    }
  });

  it('HypersphericalPrototypes: a zero prototype row is refused (it has no direction); zero embeddings score finitely', () => {
    expect(() => new HypersphericalPrototypes({ prototypes: [[1, 0], [0, 0]] })).toThrow(MgpInputError);
    const layer = new HypersphericalPrototypes({ prototypes: [[1, 0], [0, 1]] });
    const out = tf.tidy(() => Array.from((layer.apply(tf.zeros([2, 2])) as tf.Tensor).dataSync()));
    expect(out.every(Number.isFinite)).toBe(true);
    layer.dispose();
  });

  it('DeepNCM updates and scores embeddings of norm 1e6 and 1e-6 and embeddings equal to its means, finitely', () => {
    for (const scale of [1, 1e6, 1e-6]) {
      const means = tf.tensor2d(scaled(P, scale));
      const counts = tf.tensor1d([3, 0, 1, 2]);
      const x = tf.tensor2d(scaled(P, scale));
      const next = deepNcmUpdate(means as tf.Tensor2D, counts as tf.Tensor1D, x, [0, 1, 2, 3]);
      expect(next.prototypes.dataSync().every(Number.isFinite)).toBe(true);
      expect(Array.from(next.counts.dataSync())).toEqual([4, 1, 2, 3]);
      const layer = new DeepNCM({ numClasses: K, initialPrototypes: scaled(P, scale) });
      const scores = valueAndGrads((e) => crossEntropy(layer.apply(e) as tf.Tensor), [x]);
      expect(scores.nonFinite, `scale ${scale}`).toBeNull();
      tf.dispose([means, counts, x, next.prototypes, next.counts]);
      layer.dispose();
    }
  });
});
