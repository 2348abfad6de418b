// YOLOv2 hierarchical inference: softmax within each sibling group, then log conditionals summed along each path.
import * as tf from '@tensorflow/tfjs-core';
import type { Hierarchy } from '../tree/hierarchy';
import type { NodeRef } from '../tree/types';
import { checkHierarchy, checkMatrix, checkOptions, columnOrder } from './check';
import { marginalPlan, type MarginalPlan } from './plans';
import { segmentLogSumExpColumns } from './segment';
import { gatherColumns } from './gather';

export interface HierarchicalInferenceOptions {
  /** Column order: every non-root node once (default `h.nonRootNodes()`: leaves in class order, then internal nodes). */
  nodeOrder?: readonly NodeRef[];
}

/** Above this many columns the path sums use pointer doubling instead of an [E, E] path matrix. */
const PATH_MATRIX_LIMIT = 512;

/** log p(node | parent): edge logits minus the log-sum-exp of their sibling group. */
export function logConditionals(x: tf.Tensor2D, plan: MarginalPlan): tf.Tensor2D {
  return tf.tidy(() => {
    const lse = segmentLogSumExpColumns(x, plan.segmentIds, plan.numSegments);
    return tf.sub(x, gatherColumns(lse, plan.segmentIds));
  });
}

/**
 * Sums of x over each column's path (the column and its ancestors' columns): a matMul with the constant
 * path matrix for small trees, log2(depth) gather-and-add steps (pointer doubling) for large ones.
 */
export function pathSums(x: tf.Tensor2D, plan: MarginalPlan, method: 'auto' | 'matMul' | 'doubling' = 'auto'): tf.Tensor2D {
  const e = plan.nodes.length;
  const useMatMul = method === 'matMul' || (method === 'auto' && e <= PATH_MATRIX_LIMIT);
  return tf.tidy(() => {
    if (useMatMul) return tf.matMul(x, tf.tensor2d(plan.pathMatrix(), [e, e]));
    let jump = Int32Array.from(plan.parentColumn);
    let sums: tf.Tensor2D = tf.concat([x, tf.zeros([x.shape[0], 1])], 1);
    for (let reach = 1; reach < plan.maxDepth; reach *= 2) {
      const withSentinel = Int32Array.from([...jump, e]);
      sums = tf.add(sums, gatherColumns(sums, withSentinel));
      jump = Int32Array.from(jump, (j) => (j === e ? e : jump[j]));
    }
    return tf.slice(sums, [0, 0], [x.shape[0], e]);
  });
}

/**
 * Log marginal probabilities of every non-root node from one logit per non-root node (YOLOv2 / the seed's
 * HierarchicalInference): [B, E] → [B, E] in the same column order.
 */
export function hierarchicalLogMarginals(edgeLogits: tf.Tensor2D, h: Hierarchy, opts?: HierarchicalInferenceOptions): tf.Tensor2D {
  const fn = 'hierarchicalLogMarginals';
  checkHierarchy(fn, h);
  const o = checkOptions(fn, opts);
  const order = columnOrder(fn, h, o.nodeOrder);
  checkMatrix(fn, 'edgeLogits', edgeLogits, order.length, 'one logit per non-root node');
  const plan = marginalPlan(h, order);
  return tf.tidy(() => pathSums(logConditionals(edgeLogits, plan), plan));
}
