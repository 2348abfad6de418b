// The rank loss over many triplets as one loop reading the distances' upper triangle (for
// ../distances/host-pair-loss): no gathered [T] tensors and no K×K scatter of their gradients.
import type { PairLossOfDistances } from '../distances/host-pair-loss';
import type { ClassTriplets } from '../random';

/** −mean_t log σ(x_t), x_t = sign_t · (d_ij − d_ik) (sign −1 where D_ij > D_ik), as logisticRankLoss. */
export function rankOfDistances(triplets: ClassTriplets, signs: Float32Array): PairLossOfDistances {
  return (distances, gradient, k) => {
    const count = signs.length;
    // d and ∂L/∂d of pair (a, b) sit at the upper-triangle index; d_aa = 0 is a constant (no gradient).
    const at = (a: number, b: number) => (a < b ? a * k + b : b * k + a);
    let total = 0;
    for (let t = 0; t < count; t++) {
      const i = triplets.i[t];
      const j = triplets.j[t];
      const l = triplets.k[t];
      const ij = at(i, j);
      const il = at(i, l);
      const sign = signs[t];
      const x = sign * ((i === j ? 0 : distances[ij]) - (i === l ? 0 : distances[il]));
      // softplus(x) = −log σ(−x), stably; its derivative is σ(x).
      total += x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
      const slope = (sign / count) / (1 + Math.exp(-x));
      if (i !== j) gradient[ij] += slope;
      if (i !== l) gradient[il] -= slope;
    }
    return total / count;
  };
}
