// The rank loss over many triplets as one loop reading the full (mirrored) distance matrix, for
// ../distances/host-pair-loss: no gathered [T] tensors and no K×K scatter of their gradients. Given triplets
// grouped by anchor (./anchor-order), each group reads and writes one row of the distances and of the gradient.
import type { PairLossOfDistances } from '../distances/host-pair-loss';
import type { ClassTriplets } from '../random';

/**
 * Terms 1 + e^(−|x|) ≤ 2 multiplied before one logarithm: 512 of them stay below 2^512, far from overflow, and
 * a logarithm per triplet cost more than the rest of its work together.
 */
const TERMS_PER_LOG = 512;

/** −mean_t log σ(x_t), x_t = sign_t · (d_ij − d_ik) (sign −1 where D_ij > D_ik), as logisticRankLoss. */
export function rankOfDistances(triplets: ClassTriplets, signs: Float32Array): PairLossOfDistances {
  return (distances, gradient, k) => {
    const { i, j, k: l } = triplets;
    const count = signs.length;
    const perTriplet = 1 / count;
    let linear = 0;
    let logs = 0;
    let product = 1;
    let terms = 0;
    for (let t = 0; t < count; t++) {
      const row = i[t] * k;
      const ij = row + j[t];
      const il = row + l[t];
      const sign = signs[t];
      // d_ii = 0 on the diagonal, and a gradient written there is ignored: a triplet that repeats its anchor
      // needs no special case.
      const x = sign * (distances[ij] - distances[il]);
      // softplus(x) = max(x, 0) + log(1 + e), and its derivative σ(x), from one e = exp(−|x|) ≤ 1.
      const e = Math.exp(-Math.abs(x));
      linear += x > 0 ? x : 0;
      product *= 1 + e;
      if (++terms === TERMS_PER_LOG) {
        logs += Math.log(product);
        product = 1;
        terms = 0;
      }
      const slope = ((x > 0 ? sign : sign * e) * perTriplet) / (1 + e);
      gradient[ij] += slope;
      gradient[il] -= slope;
    }
    return (linear + logs + Math.log(product)) / count;
  };
}
