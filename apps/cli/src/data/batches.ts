import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from './dataset';

/** Standardizes pixels once, up front: `(x − mean) / std`, as the seed's `Normalize` does per image. */
export function standardize(set: ImageSet, normalization: { mean: number; std: number }): ImageSet {
  const images = new Float32Array(set.images.length);
  const { mean, std } = normalization;
  for (let i = 0; i < images.length; i++) images[i] = (set.images[i] - mean) / std;
  return { ...set, images };
}

/** One batch as tensors: images `[b, H, W, 1]` and int32 labels `[b]`. The caller disposes them. */
export function makeBatch(set: ImageSet, rows: ArrayLike<number>): { x: tf.Tensor4D; y: tf.Tensor1D } {
  const size = set.height * set.width;
  const pixels = new Float32Array(rows.length * size);
  const labels = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    pixels.set(set.images.subarray(i * size, (i + 1) * size), r * size);
    labels[r] = set.labels[i];
  }
  return {
    x: tf.tensor4d(pixels, [rows.length, set.height, set.width, 1]),
    y: tf.tensor1d(labels, 'int32'),
  };
}

/** Consecutive batches of `order` (the last one may be smaller, as with `drop_last=False`). */
export function* batchRows(order: Int32Array, batchSize: number): Generator<Int32Array> {
  for (let start = 0; start < order.length; start += batchSize) yield order.subarray(start, start + batchSize);
}
