// Hierarchical cross-entropy (Bertinetto et al., "Making Better Mistakes") over leaf logits.
import * as tf from '@tensorflow/tfjs-core';
import { assertNumber, assertOneOf, describeValue, readLabels, type LabelsInput } from '@mgp/metrics';
import { fail } from '../tree/fail';
import type { Hierarchy } from '../tree/hierarchy';
import { checkHierarchy, checkMatrix, checkOptions } from './check';
import { subtreePlan } from './plans';
import { subtreeLogSumExp } from './subtree';
import { gatherElements } from './gather';

export interface HierarchicalCrossEntropyOptions {
  /** Discount strength: an edge into node C weighs exp(-alpha · height(C)) (leaves have height 0). Default 0.5. */
  alpha?: number;
  /** One weight per class, multiplying each sample's loss by the weight of its label (as the seed does). */
  classWeights?: ArrayLike<number> | tf.Tensor1D;
  /** Samples with this label are left out of the loss and of the mean. */
  ignoreIndex?: number;
  /** Focal modulation: each edge term is multiplied by (1 - p(C | parent))^focalGamma. Default 0 (none). */
  focalGamma?: number;
  /** 'mean' over the samples not ignored (default; 0 when all are), 'sum', or 'none' ([B], 0 for ignored samples). */
  reduction?: 'mean' | 'sum' | 'none';
}

const REDUCTIONS = ['mean', 'sum', 'none'] as const;

function readClassWeights(fn: string, value: unknown, numClasses: number): Float64Array | null {
  if (value === undefined) return null;
  let values: ArrayLike<number>;
  if (value instanceof tf.Tensor) {
    if (value.isDisposed || value.rank !== 1) fail(fn, 'options.classWeights', `must be a rank-1 tensor or an array of ${numClasses} weights; got ${describeValue(value)}`);
    values = value.dataSync();
  } else if (Array.isArray(value) || ArrayBuffer.isView(value)) values = value as unknown as ArrayLike<number>;
  else return fail(fn, 'options.classWeights', `must be an array of ${numClasses} weights; got ${describeValue(value)}`);
  if (values.length !== numClasses) {
    fail(fn, 'options.classWeights', `must hold one weight per class (${numClasses}); got ${values.length}`);
  }
  const out = new Float64Array(numClasses);
  for (let i = 0; i < numClasses; i++) {
    const w = values[i];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      fail(fn, 'options.classWeights', `must hold finite weights >= 0; got ${describeValue(w)} at index ${i}`);
    }
    out[i] = w;
  }
  return out;
}

/**
 * Σ over the edges on the path root → label of -exp(-α·h(C)) · log p(C | parent(C)), where p(C) is the softmax
 * mass of the leaves under C; averaged over samples. With α = 0 it equals the plain cross-entropy.
 * `logits` [B, K] are leaf logits in class order; `labels` [B] class indices.
 */
export function hierarchicalCrossEntropy(
  logits: tf.Tensor2D,
  labels: LabelsInput,
  h: Hierarchy,
  opts?: HierarchicalCrossEntropyOptions,
): tf.Tensor {
  const fn = 'hierarchicalCrossEntropy';
  checkHierarchy(fn, h);
  const o = checkOptions(fn, opts) as HierarchicalCrossEntropyOptions;
  const alpha = o.alpha ?? 0.5;
  assertNumber(fn, 'options.alpha', alpha, { min: 0 });
  const gamma = o.focalGamma ?? 0;
  assertNumber(fn, 'options.focalGamma', gamma, { min: 0 });
  const reduction = o.reduction ?? 'mean';
  assertOneOf(fn, 'options.reduction', reduction, REDUCTIONS);
  if (o.ignoreIndex !== undefined) assertNumber(fn, 'options.ignoreIndex', o.ignoreIndex, { integer: true });
  checkMatrix(fn, 'logits', logits, h.numLeaves, 'one logit per leaf of the hierarchy');
  const classWeights = readClassWeights(fn, o.classWeights, h.numLeaves);
  const b = logits.shape[0];
  const y = readLabels(fn, 'labels', labels, { numClasses: h.numLeaves, ignoreIndex: o.ignoreIndex, shape: [b] });

  // Per sample and path position: the node's column, its parent's column and the edge weight (0 = padding).
  const plan = subtreePlan(h);
  const len = plan.maxPathLength;
  const nodeIdx = new Int32Array(b * len);
  const parentIdx = new Int32Array(b * len);
  const weights = new Float32Array(b * len);
  let counted = 0;
  for (let i = 0; i < b; i++) {
    const label = y[i];
    const ignored = label === o.ignoreIndex;
    const cols = ignored ? null : plan.pathColumns[label];
    for (let j = 0; j < len; j++) {
      const at = i * len + j;
      const real = cols !== null && j < cols.length;
      nodeIdx[at] = i * plan.width + (real ? cols[j] : plan.padColumn);
      parentIdx[at] = i * plan.width + (real ? plan.pathParentColumns[label][j] : plan.padColumn);
      weights[at] = real ? Math.exp(-alpha * plan.pathHeights[label][j]) * (classWeights ? classWeights[label] : 1) : 0;
    }
    if (!ignored) counted++;
  }

  return tf.tidy(() => {
    const flat = tf.reshape(subtreeLogSumExp(logits, plan), [-1]) as tf.Tensor1D;
    const logCond = tf.reshape(
      tf.sub(gatherElements(flat, nodeIdx), gatherElements(flat, parentIdx)),
      [b, len],
    );
    let terms = tf.mul(logCond, tf.tensor2d(weights, [b, len]));
    if (gamma > 0) {
      const oneMinusP = tf.maximum(tf.sub(1, tf.exp(logCond)), 1e-12);
      terms = tf.mul(terms, tf.pow(oneMinusP, gamma));
    }
    const perSample = tf.neg(tf.sum(terms, 1));
    if (reduction === 'none') return perSample;
    const total = tf.sum(perSample);
    return reduction === 'sum' ? total : tf.div(total, Math.max(counted, 1));
  });
}
