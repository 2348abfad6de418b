// Log of the softmax mass under every node, from leaf logits: bottom-up log-sum-exp over each node's children.
import * as tf from '@tensorflow/tfjs-core';
import type { Hierarchy } from '../tree/hierarchy';
import { checkHierarchy, checkMatrix, checkOptions, columnOrder } from './check';
import type { HierarchicalInferenceOptions } from './log-marginals';
import { subtreePlan, type SubtreePlan } from './plans';
import { segmentLogSumExpColumns } from './segment';
import { gatherColumns } from './gather';

// Far below any real logit, yet finite in half floats (max 65504): -1e30 becomes -Infinity on float16 WebGL
// textures, and PAD - PAD is then NaN.
const PAD_LOGIT = -6e4;

/**
 * [B, plan.width] in the plan's layout: columns 0..K-1 the logits, column K padding, then log Σ_{leaves under v}
 * exp(logit) for the internal nodes, level by level (height 1 first, the root last).
 */
export function subtreeLogSumExp(logits: tf.Tensor2D, plan: SubtreePlan): tf.Tensor2D {
  return tf.tidy(() => {
    let values: tf.Tensor2D = tf.concat([logits, tf.fill([logits.shape[0], 1], PAD_LOGIT)], 1);
    for (const level of plan.levels) {
      const children = gatherColumns(values, level.childColumns);
      values = tf.concat([values, segmentLogSumExpColumns(children, level.segmentIds, level.count)], 1);
    }
    return values;
  });
}

/**
 * Log marginals of every non-root node implied by leaf logits (the softmax mass of the leaves under each node),
 * [B, K] → [B, E] in `nodeOrder` (default `h.nonRootNodes()`), so leaf-logit models can be read at any level.
 */
export function leafLogitsToLogMarginals(logits: tf.Tensor2D, h: Hierarchy, opts?: HierarchicalInferenceOptions): tf.Tensor2D {
  const fn = 'leafLogitsToLogMarginals';
  checkHierarchy(fn, h);
  const o = checkOptions(fn, opts);
  const order = columnOrder(fn, h, o.nodeOrder);
  checkMatrix(fn, 'logits', logits, h.numLeaves, 'one logit per leaf of the hierarchy');
  const plan = subtreePlan(h);
  return tf.tidy(() => {
    const values = subtreeLogSumExp(logits, plan);
    const columns = Int32Array.from(order, (v) => plan.columnOf[v]);
    const root = tf.slice(values, [0, plan.width - 1], [logits.shape[0], 1]);
    return tf.sub(gatherColumns(values, columns), root);
  });
}
