import * as tf from '@tensorflow/tfjs-core';
import { MgpInputError } from '@mgp/metrics';
import {
  expectClose,
  expectNoTensorLeak,
  expectNoTensorOfShape,
  goldenCases,
  useTestBackend,
} from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { prototypeLogits } from './prototype-logits';
import { formatGoldenErrors, goldenError, randomMatrix } from '../test-support';
import { PROTOTYPE_METRICS, type PrototypeMetric } from './metric';

beforeAll(async () => {
  await useTestBackend();
});

const GOLDEN_KEYS: Array<[PrototypeMetric, string, number | undefined]> = [
  ['euclidean', 'euclidean', undefined],
  ['sqeuclidean', 'sqeuclidean', undefined],
  ['cosine', 'cosine', undefined],
  ['hyperspherical', 'hyperspherical', undefined],
  ['pseudoHuber', 'pseudoHuber_delta_0.5', 0.5],
];

/** Plain float64 reference of one logit, straight from the definitions. */
function referenceLogit(x: number[], p: number[], metric: PrototypeMetric, delta = 1): number {
  let sq = 0;
  let xp = 0;
  let xx = 0;
  let pp = 0;
  for (let i = 0; i < x.length; i++) {
    sq += (x[i] - p[i]) ** 2;
    xp += x[i] * p[i];
    xx += x[i] * x[i];
    pp += p[i] * p[i];
  }
  const cos = xp / (Math.sqrt(xx) * Math.sqrt(pp));
  switch (metric) {
    case 'euclidean':
      return -Math.sqrt(sq);
    case 'sqeuclidean':
      return -sq;
    case 'cosine':
      return -(1 - cos);
    case 'hyperspherical':
      return -((1 - cos) ** 2);
    case 'pseudoHuber':
      return -delta * (Math.sqrt(1 + sq / delta ** 2) - 1);
  }
}

const goldenErrors: Record<string, { abs: number; rel: number }> = {};

describe.each(goldenCases)('prototypeLogits on %s', (name, golden) => {
  it.each(GOLDEN_KEYS)('reproduces prototype_logits (%s)', (metric, key, delta) => {
    const expected = golden.prototype_logits[key as keyof typeof golden.prototype_logits];
    const logits = tf.tidy(() =>
      prototypeLogits(tf.tensor2d(golden.inputs.embeddings), tf.tensor2d(golden.inputs.prototypes), { metric, delta }).arraySync(),
    );
    goldenErrors[`${name} ${key}`] = goldenError(logits, expected);
    expectClose(logits, expected, { rtol: 1e-4, atol: 1e-5 });
  });
});

describe('prototypeLogits gradients', () => {
  it.each(PROTOTYPE_METRICS)('match float64 central differences of the definition (%s)', (metric) => {
    const X = randomMatrix(5, 3, 1);
    const P = randomMatrix(4, 3, 2);
    const W = randomMatrix(5, 4, 3);
    const delta = 0.7;
    const objective = (x: number[][], p: number[][]) =>
      x.reduce((acc, xi, n) => acc + p.reduce((a, pk, k) => a + W[n][k] * referenceLogit(xi, pk, metric, delta), 0), 0);
    const [gx, gp] = tf.tidy(() => {
      const f = (x: tf.Tensor, p: tf.Tensor) => tf.sum(tf.mul(prototypeLogits(x, p, { metric, delta }), tf.tensor2d(W)));
      return tf.grads(f)([tf.tensor2d(X), tf.tensor2d(P)]).map((g) => g.arraySync() as number[][]);
    });
    const h = 1e-6;
    const numeric = (M: number[][], which: 'x' | 'p') =>
      M.map((row, i) =>
        row.map((_, j) => {
          const plus = M.map((r) => [...r]);
          const minus = M.map((r) => [...r]);
          plus[i][j] += h;
          minus[i][j] -= h;
          const fp = which === 'x' ? objective(plus, P) : objective(X, plus);
          const fm = which === 'x' ? objective(minus, P) : objective(X, minus);
          return (fp - fm) / (2 * h);
        }),
      );
    expectClose(gx, numeric(X, 'x'), { rtol: 1e-3, atol: 1e-4 });
    expectClose(gp, numeric(P, 'p'), { rtol: 1e-3, atol: 1e-4 });
  });

  it.each(PROTOTYPE_METRICS)('stay finite when an embedding equals a prototype (%s)', (metric) => {
    const P = randomMatrix(4, 6, 7);
    const X = [P[2], P[0], randomMatrix(1, 6, 9)[0]];
    const grads = tf.tidy(() => {
      const f = (x: tf.Tensor, p: tf.Tensor) => tf.sum(prototypeLogits(x, p, { metric }));
      return tf.grads(f)([tf.tensor2d(X), tf.tensor2d(P)]).map((g) => Array.from(g.dataSync()));
    });
    for (const g of grads) expect(g.every(Number.isFinite)).toBe(true);
    const logits = tf.tidy(() => Array.from(prototypeLogits(tf.tensor2d(X), tf.tensor2d(P), { metric }).dataSync()));
    expect(logits.every(Number.isFinite)).toBe(true);
  });
});

describe('prototypeLogits shapes', () => {
  it('accepts NHWC embeddings, pixel by pixel equal to the flat form', () => {
    const [b, h, w, d, k] = [2, 3, 4, 5, 6];
    const E = randomMatrix(b * h * w, d, 11);
    const P = randomMatrix(k, d, 12);
    for (const metric of PROTOTYPE_METRICS) {
      const [nhwc, shape, flat] = tf.tidy(() => {
        const out = prototypeLogits(tf.tensor4d(E.flat(), [b, h, w, d]), tf.tensor2d(P), { metric });
        const ref = prototypeLogits(tf.tensor2d(E), tf.tensor2d(P), { metric });
        return [Array.from(out.dataSync()), out.shape, Array.from(ref.dataSync())] as const;
      });
      expect(shape).toEqual([b, h, w, k]);
      expectClose(nhwc, flat, { rtol: 1e-6, atol: 1e-6 });
    }
  });

  it('never builds a [B, K, d] tensor, forward or backward', async () => {
    const [b, k, d] = [6, 7, 5];
    const x = tf.randomNormal([b, d]);
    const p = tf.randomNormal([k, d]);
    for (const metric of PROTOTYPE_METRICS) {
      await expectNoTensorOfShape(
        () => tf.grads((a: tf.Tensor, c: tf.Tensor) => tf.sum(prototypeLogits(a, c, { metric })))([x, p]),
        [[b, k, d]],
      );
    }
    tf.dispose([x, p]);
  });

  it('leaves no tensors behind, forward or backward', async () => {
    const x = tf.randomNormal([4, 3]);
    const p = tf.randomNormal([5, 3]);
    for (const metric of PROTOTYPE_METRICS) {
      await expectNoTensorLeak(() => prototypeLogits(x, p, { metric }));
      await expectNoTensorLeak(() =>
        tf.dispose(tf.grads((a: tf.Tensor, c: tf.Tensor) => tf.sum(prototypeLogits(a, c, { metric })))([x, p])),
      );
    }
    tf.dispose([x, p]);
  });
});

describe('prototypeLogits bad inputs', () => {
  const x = () => tf.zeros([4, 3]);
  const p = () => tf.ones([5, 3]);
  const cases: Array<[string, () => unknown, string]> = [
    ['embeddings of rank 3', () => prototypeLogits(tf.tensor3d([1, 2, 3, 4, 5, 6], [1, 2, 3]), p()), "'embeddings'"],
    ['embeddings not a tensor', () => prototypeLogits([[1, 2, 3]] as unknown as tf.Tensor, p()), "'embeddings'"],
    ['prototypes of rank 1', () => prototypeLogits(x(), tf.zeros([3])), "'prototypes'"],
    ['mismatched d', () => prototypeLogits(x(), tf.ones([5, 4])), "'embeddings'"],
    ['int32 embeddings', () => prototypeLogits(tf.zeros([4, 3], 'int32'), p()), "'embeddings'"],
    ['unknown metric', () => prototypeLogits(x(), p(), { metric: 'manhattan' as PrototypeMetric }), "'metric'"],
    ['delta ≤ 0', () => prototypeLogits(x(), p(), { metric: 'pseudoHuber', delta: 0 }), "'delta'"],
    ['delta NaN', () => prototypeLogits(x(), p(), { metric: 'pseudoHuber', delta: Number.NaN }), "'delta'"],
  ];
  it.each(cases)('%s → MgpInputError naming the argument, no tensor work', (_, call, arg) => {
    const args = tf.tidy(() => [x(), p()]); // allocate the operands of the calls up front
    tf.dispose(args);
    let error: unknown;
    const before = tf.memory().numTensors;
    try {
      tf.tidy(() => {
        call();
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MgpInputError);
    expect((error as Error).message).toContain(arg);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('golden max errors', () => {
  it('reports', () => {
    console.log('prototype_logits max relative errors', `\n${formatGoldenErrors(goldenErrors)}`);
  });
});
