// Distances between matched rows x_t, y_t (drawn pairs): O(T·d), no K×K matrix.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { gatherRows } from '../internal/gather-rows';
import { COSINE_EPS, type Metric } from './metric';

/** √x with gradient 0 (not ∞·0 = NaN) where x = 0, i.e. where two points coincide. */
export function safeSqrt<T extends tf.Tensor>(x: T): T {
  const op = customOp<T>(([input], save) => {
    const value = tf.sqrt(input) as T;
    save([value]);
    return { value, gradFunc: (dy, [root]) => [tf.divNoNan(dy, tf.mul(root, 2))] };
  });
  return op(x);
}

/** Distances [T] between rows x[t] and y[t] of two [T, d] tensors. */
export function matchedDistances(x: tf.Tensor2D, y: tf.Tensor2D, metric: Metric): tf.Tensor1D {
  return tf.tidy(() => {
    if (metric === 'cosine') {
      const nx = tf.maximum(safeSqrt(tf.sum(tf.square(x), 1)), COSINE_EPS);
      const ny = tf.maximum(safeSqrt(tf.sum(tf.square(y), 1)), COSINE_EPS);
      return tf.sub(1, tf.div(tf.sum(tf.mul(x, y), 1), tf.mul(nx, ny))) as tf.Tensor1D;
    }
    const sq = tf.sum(tf.square(tf.sub(x, y)), 1) as tf.Tensor1D;
    return metric === 'sqeuclidean' ? sq : safeSqrt(sq);
  });
}

/** Distances [T] between points[i[t]] and points[j[t]]: gather the rows, then row-wise products. */
export function pairDistances(points: tf.Tensor2D, i: Int32Array, j: Int32Array, metric: Metric): tf.Tensor1D {
  return tf.tidy(() => matchedDistances(gatherRows(points, i), gatherRows(points, j), metric));
}
