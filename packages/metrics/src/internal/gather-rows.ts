// Differentiable row gather whose gradient is a scatter-add (ScatterNd), not tf.gather's
// UnsortedSegmentSum, which the wasm backend lacks.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from './custom-grad';

/**
 * The forward gather. tfjs-backend-wasm's GatherV2 is an order of magnitude slower than its GatherNd on
 * row gathers (measured: 10,000 rows of 128 floats), while the cpu backend is the other way round.
 */
function forwardGather(x: tf.Tensor, indices: Int32Array): tf.Tensor {
  if (tf.getBackend() === 'wasm') return tf.gatherND(x, tf.tensor2d(indices, [indices.length, 1], 'int32'));
  return tf.gather(x, tf.tensor1d(indices, 'int32'));
}

/** Rows `x[indices[t]]` of a [N, ...] tensor; indices live on the CPU (they are drawn or read there). */
export function gatherRows<T extends tf.Tensor>(x: T, indices: Int32Array): T {
  const shape = x.shape;
  const op = customOp<T>(([input]) => {
    const value = tf.tidy(() => forwardGather(input, indices)) as T;
    return {
      value,
      // Repeated indices accumulate: ScatterNd sums duplicates on every backend.
      gradFunc: (dy) => [tf.scatterND(tf.tensor2d(indices, [indices.length, 1], 'int32'), dy, shape)],
    };
  });
  return op(x);
}

/** Elements `m[i[t], j[t]]` of a [R, C] matrix, with the same scatter-add gradient. */
export function gatherElements(m: tf.Tensor2D, i: Int32Array, j: Int32Array): tf.Tensor1D {
  const cols = m.shape[1];
  const flat = new Int32Array(i.length);
  for (let t = 0; t < i.length; t++) flat[t] = i[t] * cols + j[t];
  return tf.tidy(() => gatherRows(tf.reshape(m, [m.size]), flat)) as tf.Tensor1D;
}
