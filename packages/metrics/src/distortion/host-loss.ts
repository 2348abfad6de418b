// The exact distortion loss as a loop over the upper triangle of the distances (for ../distances/host-pair-loss).
import type { PairLossOfDistances } from '../distances/host-pair-loss';

/**
 * L = Σ_{i≠j} (s·a_ij − 1)² / (K² − K), a = d / D, s = Σa / Σa² (scale-free) or 1, summed in float64.
 * Each unordered pair stands for its two equal ordered terms. ∂L/∂d has no term through s (s minimises L).
 */
export function distortionOfDistances(costs: Float32Array, scaleFree: boolean): PairLossOfDistances {
  return (distances, gradient, k) => {
    const pairs = k * k - k;
    let sum = 0;
    let sumSquares = 0;
    if (scaleFree) {
      for (let i = 0; i < k; i++) {
        for (let j = i + 1; j < k; j++) {
          const a = distances[i * k + j] / costs[i * k + j];
          sum += a;
          sumSquares += a * a;
        }
      }
    }
    // As divNoNan: every a = 0 makes every scale optimal; s = 0 keeps the loss at 1 with a zero gradient.
    const s = scaleFree ? (sumSquares > 0 ? sum / sumSquares : 0) : 1;
    let total = 0;
    // Both orders of a pair: ∂/∂d of 2(s·a − 1)² / pairs = 4s(s·a − 1) / (D · pairs).
    const factor = (4 * s) / pairs;
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const at = i * k + j;
        const cost = costs[at];
        const r = (s * distances[at]) / cost - 1;
        total += r * r;
        gradient[at] = (factor * r) / cost;
      }
    }
    return (2 * total) / pairs;
  };
}
