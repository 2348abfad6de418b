// A [K, K] tree-distance cost matrix as a tensor (for the losses at K where it fits).
import * as tf from '@tensorflow/tfjs-core';
import { leafDistanceMatrix, syntheticTree } from './synthetic-tree';

/** Path distances between the leaves of a synthetic tree of about 4 children a node. */
export function treeCostMatrix(k: number): tf.Tensor2D {
  const depth = Math.max(2, Math.ceil(Math.log(k) / Math.log(4)));
  return tf.tensor2d(leafDistanceMatrix(syntheticTree(k, depth)), [k, k]);
}
