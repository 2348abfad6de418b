// The DeepNCM running class means (Guerriero et al. 2018; the seed's DeepNCM): after each batch, for each class c
// present, p_c ← (n_c·p_c + mean_batch_c) / (n_c + 1) and n_c ← n_c + 1.
import * as tf from '@tensorflow/tfjs-core';
import { assertDim, assertFloat, assertRank, MgpInputError, readLabels, segmentMean, type LabelsInput } from '@mgp/metrics';

export interface ClassMeans {
  /** Running class means [K, d]. */
  prototypes: tf.Tensor2D;
  /** Batches seen per class [K] (float32). */
  counts: tf.Tensor1D;
}

export interface CheckedBatch {
  /** Embeddings as rows [N, d] (NHWC flattened). */
  rows: tf.Tensor2D;
  labels: Int32Array;
}

/** Validates one batch against K prototypes of dimension d; labels must have the embeddings' shape without d. */
export function readBatch(fn: string, embeddings: unknown, labels: unknown, numClasses: number, d: number): { labels: Int32Array; shape: number[] } {
  const outer = readEmbeddings(fn, embeddings, d);
  const n = outer.reduce((a, b) => a * b, 1);
  let flat: LabelsInput = labels as LabelsInput;
  if (labels instanceof tf.Tensor) {
    if (labels.isDisposed) throw new MgpInputError(fn, 'labels', 'is a disposed tensor');
    // [B] or [B, 1] (a model's label input), [B, H, W] or [B, H, W, 1].
    const shape = labels.shape;
    const squeezed = shape[shape.length - 1] === 1 && shape.length === outer.length + 1 ? shape.slice(0, -1) : shape;
    if (squeezed.length !== outer.length || squeezed.some((size: number, i: number) => size !== outer[i])) {
      throw new MgpInputError(fn, 'labels', `must have shape [${outer.join(', ')}] (the embeddings' shape without d); got shape [${shape.join(', ')}]`);
    }
    flat = Array.from(labels.dataSync());
  }
  return { labels: readLabels(fn, 'labels', flat, { numClasses, shape: [n] }), shape: outer };
}

/** Checks embeddings [N, d] or [B, H, W, d] against d; returns their shape without d. */
export function readEmbeddings(fn: string, embeddings: unknown, d: number): number[] {
  assertRank(fn, 'embeddings', embeddings, [2, 4]);
  assertFloat(fn, 'embeddings', embeddings);
  assertDim(fn, 'embeddings', embeddings, -1, d, 'the embedding dimension d of the class means [K, d]');
  return embeddings.shape.slice(0, -1);
}

/** The running means after one batch (new tensors; the inputs are not changed). Labels are already checked. */
export function updateClassMeans(prototypes: tf.Tensor2D, counts: tf.Tensor1D, embeddings: tf.Tensor, labels: Int32Array): ClassMeans {
  return tf.tidy(() => {
    const [k, d] = prototypes.shape;
    const rows = tf.reshape(embeddings, [labels.length, d]) as tf.Tensor2D;
    const batchMeans = segmentMean(rows, labels, k);
    const presentMask = new Float32Array(k);
    for (const y of labels) presentMask[y] = 1;
    const present = tf.tensor1d(presentMask);
    const n = tf.reshape(counts, [k, 1]);
    const updated = tf.div(tf.add(tf.mul(n, prototypes), batchMeans), tf.add(n, 1));
    return {
      prototypes: tf.where(tf.cast(tf.reshape(present, [k, 1]), 'bool'), updated, prototypes) as tf.Tensor2D,
      counts: tf.add(counts, present) as tf.Tensor1D,
    };
  });
}

/**
 * One DeepNCM step as a pure function: class means [K, d] and counts [K] after the batch (embeddings [N, d] or
 * [B, H, W, d], integer labels of the embeddings' shape without d). Returns new tensors; the caller disposes them.
 */
export function deepNcmUpdate(prototypes: tf.Tensor2D, counts: tf.Tensor1D, embeddings: tf.Tensor, labels: LabelsInput): ClassMeans {
  const fn = 'deepNcmUpdate';
  assertRank(fn, 'prototypes', prototypes, [2]);
  assertFloat(fn, 'prototypes', prototypes);
  const [k, d] = prototypes.shape;
  assertRank(fn, 'counts', counts, [1]);
  assertDim(fn, 'counts', counts, 0, k, 'one count per class mean');
  const batch = readBatch(fn, embeddings, labels, k, d);
  return updateClassMeans(prototypes, tf.cast(counts, 'float32') as tf.Tensor1D, embeddings, batch.labels);
}
