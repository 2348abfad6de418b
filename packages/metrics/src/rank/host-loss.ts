// The rank loss over many triplets as one loop reading the full (mirrored) distance matrix, for
// ../distances/host-pair-loss: no gathered [T] tensors and no K×K scatter of their gradients. Given triplets
// grouped by anchor (./anchor-order), each group reads and writes one row of the distances and of the gradient.
import type { PairLossOfDistances } from '../distances/host-pair-loss';
import type { ClassTriplets } from '../random';

/** −mean_t log σ(x_t), x_t = sign_t · (d_ij − d_ik) (sign −1 where D_ij > D_ik), as logisticRankLoss. */
export function rankOfDistances(triplets: ClassTriplets, signs: Float32Array): PairLossOfDistances {
  return (distances, gradient, k) => {
    const count = signs.length;
    let total = 0;
    for (let t = 0; t < count; t++) {
      const row = triplets.i[t] * k;
      const ij = row + triplets.j[t];
      const il = row + triplets.k[t];
      const sign = signs[t];
      // d_ii = 0 on the diagonal, and a gradient written there is ignored: a triplet that repeats its anchor
      // needs no special case.
      const x = sign * (distances[ij] - distances[il]);
      // softplus(x) = −log σ(−x), stably; its derivative is σ(x).
      total += x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
      const slope = (sign / count) / (1 + Math.exp(-x));
      gradient[ij] += slope;
      gradient[il] -= slope;
    }
    return total / count;
  };
}
