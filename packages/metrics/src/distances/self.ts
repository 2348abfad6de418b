// Distances between all rows of one matrix P [K, d]: one matMul forward and one backward (the gradient of
// both arguments is summed into a single product), and an exactly zero diagonal.
import * as tf from '@tensorflow/tfjs-core';
import { customOp } from '../internal/custom-grad';
import { sqrtBackward, unitRows, unitRowsBackward } from './cross';
import type { Metric } from './metric';

/** The diagonal of a square [K, K] matrix, read through a flat gather (no K×K mask is built). */
function diagonal(m: tf.Tensor2D): tf.Tensor1D {
  const k = m.shape[0];
  return tf.gather(tf.reshape(m, [k * k]), tf.range(0, k * k, k + 1, 'int32')) as tf.Tensor1D;
}

/** G + Gᵀ: the gradient of a function of P·Pᵀ flows through both factors. */
function symmetrize(g: tf.Tensor2D): tf.Tensor2D {
  return tf.add(g, tf.transpose(g)) as tf.Tensor2D;
}

/** The squared norms are read off the Gram matrix's diagonal, so D_ii = g_ii + g_ii − 2g_ii is exactly 0. */
function selfSquared(p: tf.Tensor2D): tf.Tensor2D {
  const k = p.shape[0];
  const gram = tf.matMul(p, p, false, true) as tf.Tensor2D;
  const n = diagonal(gram);
  const sum = tf.add(tf.reshape(n, [k, 1]), tf.reshape(n, [1, k]));
  return tf.relu(tf.sub(sum, tf.mul(gram, 2))) as tf.Tensor2D;
}

/** Gradient of ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j wrt P: 2(P·rowsum(S) − S·P), S = G + Gᵀ. */
function selfSquaredGrad(p: tf.Tensor2D, g: tf.Tensor2D): tf.Tensor2D {
  const s = symmetrize(g);
  return tf.mul(tf.sub(tf.mul(p, tf.sum(s, 1, true)), tf.matMul(s, p)), 2) as tf.Tensor2D;
}

export function selfDistances(points: tf.Tensor2D, metric: Metric): tf.Tensor2D {
  const op = customOp<tf.Tensor2D>(([input], save) => {
    const p = input as tf.Tensor2D;
    if (metric === 'cosine') {
      const { unit, norm } = unitRows(p);
      const value = tf.relu(tf.sub(1, tf.matMul(unit, unit, false, true))) as tf.Tensor2D;
      save([unit, norm]);
      return {
        value,
        gradFunc: (dy, [u, n]) => {
          const dUnit = tf.neg(tf.matMul(symmetrize(dy as tf.Tensor2D), u as tf.Tensor2D)) as tf.Tensor2D;
          return [unitRowsBackward(dUnit, u as tf.Tensor2D, n as tf.Tensor2D)];
        },
      };
    }
    const sq = selfSquared(p);
    if (metric === 'sqeuclidean') {
      save([p]);
      return { value: sq, gradFunc: (dy, [sp]) => [selfSquaredGrad(sp as tf.Tensor2D, dy as tf.Tensor2D)] };
    }
    const value = tf.sqrt(sq) as tf.Tensor2D;
    save([p, value]);
    return { value, gradFunc: (dy, [sp, d]) => [selfSquaredGrad(sp as tf.Tensor2D, sqrtBackward(dy, d))] };
  });
  return op(points);
}
