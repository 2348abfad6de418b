// Hierarchical cross-entropy over leaf logits, and YOLOv2 hierarchical inference (log marginals of every node).
import type * as tfNamespace from '@tensorflow/tfjs';
import { mgpHierarchy } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import { goldenHierarchy } from '../tree';
import type { ContractCheck } from '../types';

export const hxeCheck: ContractCheck = {
  name: 'golden/hierarchical-cross-entropy',
  uses: '@mgp/hierarchy Hierarchy.fromParents, hierarchicalCrossEntropy',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const h = goldenHierarchy(g);
      const logits = tf.tensor2d(g.inputs.logits);
      try {
        const hxe = (alpha: number) => mgpHierarchy.hierarchicalCrossEntropy(logits, g.inputs.labels, h, { alpha });
        return [
          quantity('hxe.value', 'value', await read(tf, hxe(g.hxe.alpha)), g.hxe.value),
          quantity('hxe.alpha0_value', 'value', await read(tf, hxe(0)), g.hxe.alpha0_value),
        ];
      } finally {
        logits.dispose();
      }
    }),
};

export const hierarchicalInferenceCheck: ContractCheck = {
  name: 'golden/hierarchical-inference',
  uses: '@mgp/hierarchy HierarchicalSoftmax',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const { node_order: nodeOrder, edge_logits: edgeLogits, log_marginals: logMarginals } = g.hierarchical_inference;
      const layer = new mgpHierarchy.HierarchicalSoftmax({ hierarchy: goldenHierarchy(g), nodeOrder });
      const x = tf.tensor2d(edgeLogits);
      try {
        const out = layer.apply(x) as tfNamespace.Tensor;
        return [quantity('log_marginals', 'value', await read(tf, out), logMarginals)];
      } finally {
        x.dispose();
        layer.dispose();
      }
    }),
};
