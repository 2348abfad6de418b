import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, loadGolden, maxRelativeError, useTestBackend } from '@mgp/test-utils';
import { Hierarchy } from '../tree/hierarchy';
import { HierarchicalSoftmax } from './hierarchical-softmax';
import { hierarchicalCrossEntropy, type HierarchicalCrossEntropyOptions } from './hxe';
import { hierarchicalLogMarginals } from './log-marginals';
import { centralDifferences, hxeRef, logMarginalsRef, randomMatrix } from './reference.test-support';

beforeAll(async () => {
  await useTestBackend();
});

// float32 gradients against central differences of the float64 references.
const GRAD_TOLERANCE = { rtol: 2e-3, atol: 2e-5 };

const trees: Array<[string, Hierarchy]> = [
  ['golden-2 tree (single-child chains)', Hierarchy.fromParents(loadGolden(2).tree.parent, { leaves: loadGolden(2).tree.leaves })],
  ['golden-3 tree', Hierarchy.fromParents(loadGolden(3).tree.parent, { leaves: loadGolden(3).tree.leaves })],
  ['unbalanced tree', Hierarchy.fromNested({ r: [{ a: [{ b: ['x', 'y', { c: ['z', 'w'] }] }, 'v'] }, 'u', { d: ['t'] }] })],
];

const hxeOptions: Array<[string, HierarchicalCrossEntropyOptions]> = [
  ['alpha 0.5', { alpha: 0.5 }],
  ['alpha 0', { alpha: 0 }],
  ['alpha 1.3, focal gamma 2, class weights, ignoreIndex', { alpha: 1.3, focalGamma: 2, ignoreIndex: 1 }],
  ['focal gamma 0.5', { alpha: 0.2, focalGamma: 0.5 }],
];

describe.each(trees)('%s', (_name, h) => {
  const b = 7;
  const k = h.numLeaves;
  const labels = Array.from({ length: b }, (_, i) => (i * 5 + 3) % k);

  it.each(hxeOptions)('HXE gradient, %s', async (_label, opts) => {
    const classWeights = opts.ignoreIndex !== undefined ? Array.from({ length: k }, (_, i) => 0.5 + (i % 3)) : undefined;
    const full = { ...opts, classWeights };
    const logits = randomMatrix(b, k, 17 + k);
    const expected = centralDifferences(
      (x) => hxeRef(x, labels, h, { alpha: full.alpha ?? 0.5, gamma: full.focalGamma, classWeights, ignoreIndex: full.ignoreIndex }),
      logits,
    );
    const x = tf.tensor2d(logits);
    const grad = tf.grad((l: tf.Tensor) => hierarchicalCrossEntropy(l as tf.Tensor2D, labels, h, full))(x);
    expectClose(await grad.array(), expected, GRAD_TOLERANCE);
    // Not a vacuous check: the gradient is far from zero.
    expect(maxRelativeError(expected, expected.map((r) => r.map(() => 0)))).toBeGreaterThan(0.5);
    tf.dispose([x, grad]);
  });

  it('hierarchical softmax gradient (function and layer)', async () => {
    const order = h.nonRootNodes();
    const edge = randomMatrix(b, order.length, 5 + k);
    const weights = randomMatrix(b, order.length, 99, 1);
    const f = (x: number[][]) => logMarginalsRef(x, h, order).reduce((s, row, i) => s + row.reduce((t, v, j) => t + v * weights[i][j], 0), 0);
    const expected = centralDifferences(f, edge);
    const x = tf.tensor2d(edge);
    const w = tf.tensor2d(weights);
    const grad = tf.grad((e: tf.Tensor) => tf.sum(tf.mul(hierarchicalLogMarginals(e as tf.Tensor2D, h), w)))(x);
    expectClose(await grad.array(), expected, GRAD_TOLERANCE);
    const layer = new HierarchicalSoftmax({ hierarchy: h });
    const layerGrad = tf.grad((e: tf.Tensor) => tf.sum(tf.mul(layer.apply(e) as tf.Tensor, w)))(x);
    expectClose(await layerGrad.array(), expected, GRAD_TOLERANCE);
    tf.dispose([x, w, grad, layerGrad]);
  });
});
