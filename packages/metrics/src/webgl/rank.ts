// The exact rank loss on tfjs-webgl with many triplets: the K×K distances from one product, every triplet's terms in
// one shader pass, and for the backward W (./rank-programs) gathered per 2×2 block from the entries listed on the
// CPU (./rank-entries), its row sums, and one product W·P. It replaces a chain that scattered the triplets'
// gradients through a K²-long segment sum and converted the K×K textures between packings several times.
import * as tf from '@tensorflow/tfjs-core';
import { augmentedProduct } from '../distances/cross';
import type { Metric } from '../distances/metric';
import { selfCosine, selfCosineGradSymmetric } from '../distances/self';
import { customOp } from '../internal/custom-grad';
import type { ClassTriplets } from '../random';
import { blockEntries } from './rank-entries';
import { pairWeightsProgram, rowSumsOfProgram, tripletTermsProgram } from './rank-programs';
import { runProgram } from './run-program';

/** Triplet indices and entry positions travel as float32, exact below 2^24 (two entries per triplet, with room). */
export const SHADER_RANK_MAX_TRIPLETS = 2 ** 22 - 1;

/** (i, j, k, sign) rows for tripletTermsProgram. */
function tripletRows({ i, j, k }: ClassTriplets, signs: Float32Array): tf.Tensor2D {
  const rows = new Float32Array(4 * signs.length);
  for (let t = 0; t < signs.length; t++) {
    rows[4 * t] = i[t];
    rows[4 * t + 1] = j[t];
    rows[4 * t + 2] = k[t];
    rows[4 * t + 3] = signs[t];
  }
  return tf.tensor2d(rows, [signs.length, 4]);
}

/** −mean_t log σ(x_t), x_t = sign_t · (d_ij − d_ik), as logisticRankLoss, for T ≤ SHADER_RANK_MAX_TRIPLETS. */
export function shaderRankLoss(points: tf.Tensor2D, triplets: ClassTriplets, signs: Float32Array, metric: Metric): tf.Scalar {
  const k = points.shape[0];
  const count = signs.length;
  const shape = { k, root: metric === 'euclidean' };
  const op = customOp<tf.Scalar>(([input], save) => {
    const p = input as tf.Tensor2D;
    const cosine = metric === 'cosine' ? selfCosine(p) : null;
    const dist = cosine ? cosine.d : augmentedProduct(p, p);
    const terms = tf.tidy(() => runProgram(tripletTermsProgram(shape, count), [dist, tripletRows(triplets, signs)]));
    const value = tf.tidy(() => tf.div(tf.sum(tf.slice(terms, [0, 0], [count, 1])), count)) as tf.Scalar;
    save(cosine ? [cosine.unit, cosine.norm, dist, terms] : [p, dist, terms]);
    return {
      value,
      gradFunc: (dy, saved) => {
        const [d, t] = saved.slice(-2);
        const { ranges, entries, count: listed } = blockEntries(triplets, k);
        // Every triplet repeats its anchor: every distance in the loss is a constant 0.
        if (listed === 0) return [tf.zerosLike(saved[0])];
        const rangeTensor = tf.tensor2d(ranges, [ranges.length / 2, 2]);
        const entryTensor = tf.tensor2d(entries, [entries.length / 2, 2]);
        const w = runProgram(pairWeightsProgram(shape), [d, t, rangeTensor, entryTensor]) as tf.Tensor2D;
        if (cosine) {
          const [u, n] = saved;
          return [tf.mul(selfCosineGradSymmetric(u as tf.Tensor2D, n as tf.Tensor2D, w), dy)];
        }
        const sp = saved[0] as tf.Tensor2D;
        const sums = runProgram(rowSumsOfProgram(k), [w]);
        // sq_ij = ‖p_i‖² + ‖p_j‖² − 2 p_i·p_j: ∂L/∂P = 2(P ⊙ rowsum(W) − W·P).
        return [tf.mul(tf.sub(tf.mul(sp, sums), tf.matMul(w, sp)), tf.mul(dy, 2))];
      },
    };
  });
  return op(points);
}
