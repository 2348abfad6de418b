// Differentiable gathers whose gradient is a scatter-add (ScatterNd, which sums repeated indices) instead of
// tf.gather's UnsortedSegmentSum, which the wasm backend lacks. Indices are constants that live on the CPU.
import * as tf from '@tensorflow/tfjs-core';

type Forward = Parameters<typeof tf.customGrad>[0];

/** Columns `x[:, columns[j]]` of a [B, C] matrix (columns may repeat). */
export function gatherColumns(x: tf.Tensor2D, columns: Int32Array): tf.Tensor2D {
  const [b, c] = x.shape;
  const op = tf.customGrad(((input: tf.Tensor) => ({
    value: tf.tidy(() => tf.gather(input, tf.tensor1d(columns, 'int32'), 1)),
    gradFunc: (dy: tf.Tensor) =>
      tf.tidy(() => tf.transpose(tf.scatterND(tf.tensor2d(columns, [columns.length, 1], 'int32'), tf.transpose(dy), [c, b]))),
  })) as unknown as Forward);
  return op(x) as tf.Tensor2D;
}

/** Elements `x[indices[j]]` of a rank-1 tensor (indices may repeat). */
export function gatherElements(x: tf.Tensor1D, indices: Int32Array): tf.Tensor1D {
  const [n] = x.shape;
  const op = tf.customGrad(((input: tf.Tensor) => ({
    value: tf.tidy(() => tf.gather(input, tf.tensor1d(indices, 'int32'))),
    gradFunc: (dy: tf.Tensor) => tf.tidy(() => tf.scatterND(tf.tensor2d(indices, [indices.length, 1], 'int32'), dy, [n])),
  })) as unknown as Forward);
  return op(x) as tf.Tensor1D;
}
