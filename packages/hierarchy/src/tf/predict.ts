// Reading log marginals: leaf log-probabilities in class order, and predictions at any level of the tree.
import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@mgp/metrics';
import { fail } from '../tree/fail';
import type { Hierarchy } from '../tree/hierarchy';
import { checkHierarchy, checkMatrix, checkOptions, columnOrder } from './check';
import type { HierarchicalInferenceOptions } from './log-marginals';
import { gatherColumns } from './gather';

function columnsOf(fn: string, logMarginals: unknown, h: Hierarchy, opts: unknown): Int32Array {
  checkHierarchy(fn, h);
  const o = checkOptions(fn, opts);
  const order = columnOrder(fn, h, o.nodeOrder);
  checkMatrix(fn, 'logMarginals', logMarginals, order.length, 'one column per non-root node');
  const columnOf = new Int32Array(h.numNodes).fill(-1);
  order.forEach((v, c) => (columnOf[v] = c));
  return columnOf;
}

/** Leaf log-probabilities in class order, [B, E] → [B, K]. */
export function leafLogProbs(logMarginals: tf.Tensor2D, h: Hierarchy, opts?: HierarchicalInferenceOptions): tf.Tensor2D {
  const columnOf = columnsOf('leafLogProbs', logMarginals, h, opts);
  return tf.tidy(() => gatherColumns(logMarginals, columnOf.subarray(0, h.numLeaves)));
}

function levelNodes(fn: string, h: Hierarchy, level: unknown): number[] {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1) {
    fail(fn, 'level', `must be an integer >= 1 (1 is the root's children; ${h.maxDepth} or more gives the leaves); got ${describeValue(level)}`);
  }
  return h.nodesAtLevel(level);
}

/**
 * Log-probabilities of the cut at `level` (columns: `h.nodesAtLevel(level)`, the nodes at that depth plus
 * leaves that stop above it), [B, E] → [B, cut size]. Each row's probabilities sum to 1.
 */
export function levelLogProbs(logMarginals: tf.Tensor2D, h: Hierarchy, level: number, opts?: HierarchicalInferenceOptions): tf.Tensor2D {
  const fn = 'levelLogProbs';
  const columnOf = columnsOf(fn, logMarginals, h, opts);
  const nodes = levelNodes(fn, h, level);
  return tf.tidy(() => gatherColumns(logMarginals, Int32Array.from(nodes, (v) => columnOf[v])));
}

/**
 * The most probable node of the cut at `level`, as node indices (int32 [B]); at `level >= h.maxDepth` these
 * are class labels, since leaf i is node i.
 */
export function predictAtLevel(logMarginals: tf.Tensor2D, h: Hierarchy, level: number, opts?: HierarchicalInferenceOptions): tf.Tensor1D {
  const fn = 'predictAtLevel';
  const columnOf = columnsOf(fn, logMarginals, h, opts);
  const nodes = levelNodes(fn, h, level);
  return tf.tidy(() => {
    const cut = tf.gather(logMarginals, tf.tensor1d(Int32Array.from(nodes, (v) => columnOf[v]), 'int32'), 1);
    return tf.gather(tf.tensor1d(nodes, 'int32'), tf.argMax(cut, 1)) as tf.Tensor1D;
  });
}
