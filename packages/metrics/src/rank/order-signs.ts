// Which way D orders each triplet's two pairs, as the ±1 sign that the logistic rank loss multiplies its gap by.
import type { CostLookup } from '../internal/cost-source';
import type { ClassTriplets } from '../random';

/**
 * S_t = [D_ij > D_ik], as ±1 signs: the loss is softplus(−δ) when S = 1, softplus(δ) when S = 0. A matrix D is
 * read in place, without gathering the two costs of every triplet first.
 */
export function orderSigns(cost: CostLookup, { i, j, k }: ClassTriplets): Float32Array {
  const signs = new Float32Array(i.length);
  if (cost.matrix) {
    const { values, size } = cost.matrix;
    for (let t = 0; t < i.length; t++) signs[t] = values[i[t] * size + j[t]] > values[i[t] * size + k[t]] ? -1 : 1;
    return signs;
  }
  const [dij, dik] = [cost.pairs(i, j), cost.pairs(i, k)];
  for (let t = 0; t < i.length; t++) signs[t] = dij[t] > dik[t] ? -1 : 1;
  return signs;
}
