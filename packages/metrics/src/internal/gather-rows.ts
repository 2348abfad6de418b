// Differentiable row gather whose gradient is a scatter-add (ScatterNd, or a segment sum on GPU backends), not
// tf.gather's UnsortedSegmentSum, which the wasm backend lacks.
import * as tf from '@tensorflow/tfjs-core';
import { segmentSum } from '../segment/facade';
import { hasLinearScatter } from './linear-scatter';
import { customOp } from './custom-grad';

/**
 * The forward gather. tfjs-backend-wasm's GatherV2 is an order of magnitude slower than its GatherNd on
 * row gathers (measured: 10,000 rows of 128 floats), while the cpu backend is the other way round.
 */
function forwardGather(x: tf.Tensor, indices: Int32Array): tf.Tensor {
  if (tf.getBackend() === 'wasm') return tf.gatherND(x, tf.tensor2d(indices, [indices.length, 1], 'int32'));
  return tf.gather(x, tf.tensor1d(indices, 'int32'));
}

/**
 * Σ of dy's rows into `shape[0]` rows by index (repeated indices accumulate). On GPU backends tfjs's ScatterNd
 * shader loops over every update for every output element, O(rows·T) (100× a matMul for a K×K gradient at
 * K = 1,000); a segment sum there is O(rows + T), on @mgp/scatter's kernel when loaded, else on tfjs ops.
 */
function scatterAddRows(dy: tf.Tensor, indices: Int32Array, shape: number[]): tf.Tensor {
  if (hasLinearScatter()) return tf.scatterND(tf.tensor2d(indices, [indices.length, 1], 'int32'), dy, shape);
  return segmentSum(dy, indices, shape[0]);
}

/** Rows `x[indices[t]]` of a [N, ...] tensor; indices live on the CPU (they are drawn or read there). */
export function gatherRows<T extends tf.Tensor>(x: T, indices: Int32Array): T {
  const shape = x.shape;
  const op = customOp<T>(([input]) => {
    const value = tf.tidy(() => forwardGather(input, indices)) as T;
    return {
      value,
      gradFunc: (dy) => [scatterAddRows(dy, indices, shape)],
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
