// Training steps through @mgp/hierarchy: SGD on edge logits through HierarchicalSoftmax (NLL of the true leaves),
// and SGD on leaf logits with hierarchicalCrossEntropy. Loss and updated logits against float64.
import type * as tfNamespace from '@tensorflow/tfjs';
import { leafNll } from '../../reference/hierarchical-softmax';
import { hxe } from '../../reference/hxe';
import { refTree } from '../../reference/tree';
import { mgpHierarchy } from '../api';
import { LEARNING_RATE } from '../models';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import { goldenHierarchy } from '../tree';
import type { ContractCheck, Golden, Tf } from '../types';

function step(matrix: number[][], grad: number[][]): number[][] {
  return matrix.map((row, i) => row.map((v, j) => v - LEARNING_RATE * grad[i][j]));
}

/** Labels for the rows of the edge logits (the golden labels, repeated). */
export function edgeLabels(g: Golden): number[] {
  return g.hierarchical_inference.edge_logits.map((_, n) => g.inputs.labels[n % g.inputs.labels.length]);
}

/** −mean log p(true leaf) through a HierarchicalSoftmax layer; the layer and a column mask, built once. */
export function hierarchicalNll(tf: Tf, g: Golden): { loss: (z: tfNamespace.Tensor) => tfNamespace.Scalar; dispose: () => void } {
  const order = g.hierarchical_inference.node_order;
  const layer = new mgpHierarchy.HierarchicalSoftmax({ hierarchy: goldenHierarchy(g), nodeOrder: order });
  const rows = edgeLabels(g).map((y) => order.map((node) => (node === g.tree.leaves[y] ? 1 : 0)));
  const mask = tf.tensor2d(rows);
  return {
    loss: (z) => tf.div(tf.neg(tf.sum(tf.mul(layer.apply(z) as tfNamespace.Tensor, mask))), rows.length) as tfNamespace.Scalar,
    dispose: () => {
      mask.dispose();
      layer.dispose();
    },
  };
}

export const hierarchicalSoftmaxStepCheck: ContractCheck = {
  name: 'train/hierarchical-softmax-step',
  uses: '@mgp/hierarchy HierarchicalSoftmax',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const { node_order: order, edge_logits: edges } = g.hierarchical_inference;
      const expected = leafNll(refTree(g.tree.parent, g.tree.leaves), order, edges, edgeLabels(g));
      const nll = hierarchicalNll(tf, g);
      const z = tf.variable(tf.tensor2d(edges));
      const optimizer = tf.train.sgd(LEARNING_RATE);
      try {
        const loss = optimizer.minimize(() => nll.loss(z), true, [z])!;
        return [
          quantity('loss', 'value', await read(tf, loss), expected.loss),
          quantity('edge_logits_after_step', 'trained', await read(tf, z, false), step(edges, expected.grad)),
        ];
      } finally {
        nll.dispose();
        z.dispose();
        optimizer.dispose();
      }
    }),
};

export const hxeStepCheck: ContractCheck = {
  name: 'train/hierarchical-cross-entropy-step',
  uses: '@mgp/hierarchy hierarchicalCrossEntropy',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const expected = hxe(refTree(g.tree.parent, g.tree.leaves), g.inputs.logits, g.inputs.labels, g.hxe.alpha);
      const h = goldenHierarchy(g);
      const z = tf.variable(tf.tensor2d(g.inputs.logits));
      const optimizer = tf.train.sgd(LEARNING_RATE);
      try {
        const loss = optimizer.minimize(
          () => mgpHierarchy.hierarchicalCrossEntropy(z as tfNamespace.Tensor2D, g.inputs.labels, h, { alpha: g.hxe.alpha }),
          true,
          [z],
        )!;
        return [
          quantity('loss', 'value', await read(tf, loss), expected.loss),
          quantity('logits_after_step', 'trained', await read(tf, z, false), step(g.inputs.logits, expected.grad)),
        ];
      } finally {
        z.dispose();
        optimizer.dispose();
      }
    }),
};
