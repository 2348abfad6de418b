import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, goldenCases, useTestBackend } from '@mgp/test-utils';
import { Hierarchy } from '../tree/hierarchy';
import { HierarchicalSoftmax } from './hierarchical-softmax';
import { hierarchicalCrossEntropy } from './hxe';
import { hierarchicalLogMarginals } from './log-marginals';
import { hxeRef, logMarginalsRef } from './reference.test-support';

beforeAll(async () => {
  await useTestBackend();
});

describe.each(goldenCases)('%s', (_name, g) => {
  const h = Hierarchy.fromParents(g.tree.parent, { leaves: g.tree.leaves });
  const { node_order: nodeOrder, edge_logits: edgeLogits, log_marginals: logMarginals } = g.hierarchical_inference;

  it('hxe.value (alpha 0.5) and hxe.alpha0_value', async () => {
    const logits = tf.tensor2d(g.inputs.logits);
    const value = hierarchicalCrossEntropy(logits, g.inputs.labels, h, { alpha: g.hxe.alpha });
    const plain = hierarchicalCrossEntropy(logits, tf.tensor1d(g.inputs.labels, 'int32'), h, { alpha: 0 });
    const byDefault = hierarchicalCrossEntropy(logits, g.inputs.labels, h);
    expect(value.shape).toEqual([]);
    expectClose([(await value.data())[0]], [g.hxe.value]);
    expectClose([(await plain.data())[0]], [g.hxe.alpha0_value]);
    expectClose([(await byDefault.data())[0]], [g.hxe.value]); // alpha defaults to 0.5
    // The float64 reference used by the gradient tests agrees with the golden file to float64 precision.
    expect(Math.abs(hxeRef(g.inputs.logits, g.inputs.labels, h, { alpha: g.hxe.alpha }) - g.hxe.value)).toBeLessThan(1e-12);
    tf.dispose([logits, value, plain, byDefault]);
  });

  it('hierarchical_inference.log_marginals from the function and from the layer (node_order given)', async () => {
    expect(h.numNodes - 1).toBe(nodeOrder.length);
    const x = tf.tensor2d(edgeLogits);
    const fromFunction = hierarchicalLogMarginals(x, h, { nodeOrder });
    expectClose(await fromFunction.array(), logMarginals);
    const layer = new HierarchicalSoftmax({ hierarchy: h, nodeOrder });
    const fromLayer = layer.apply(x) as tf.Tensor;
    expectClose(await fromLayer.array(), logMarginals);
    const ref = logMarginalsRef(edgeLogits, h, h.resolveNodeOrder(nodeOrder));
    expectClose(ref, logMarginals, { rtol: 1e-12, atol: 1e-12 });
    tf.dispose([x, fromFunction, fromLayer]);
  });

  it('the same marginals in the default column order (leaves first) after permuting the columns', async () => {
    const order = h.resolveNodeOrder(nodeOrder);
    const defaultOrder = h.nonRootNodes();
    const perm = defaultOrder.map((v) => order.indexOf(v));
    const x = tf.tensor2d(edgeLogits.map((row) => perm.map((c) => row[c])));
    const out = hierarchicalLogMarginals(x, h);
    expectClose(await out.array(), logMarginals.map((row) => perm.map((c) => row[c])));
    tf.dispose([x, out]);
  });
});
