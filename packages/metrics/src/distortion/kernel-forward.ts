// The exact distortion loss's forward pass with the WebAssembly SIMD pair kernels (../simd): the formula of
// ./host-loss, each element-wise pass over the K² pairs about 10× faster than the JavaScript loop.
import { forEachUpperGramBlock } from '../distances/gram-blocks';
import type { Metric } from '../distances/metric';
import { squaredRowNorms, type PairForward } from '../distances/pair-weights-op';
import type { PairWorkspace } from '../simd/pair-kernels';

/**
 * L = Σ_{i≠j} (s·d_ij/D_ij − 1)² / (K² − K) and W for ../distances/pair-weights-op, with s = Σa/Σa² (a = d/D) when
 * `scaleFree`, else 1. `costs` is D [K, K], row-major.
 */
export function distortionKernelForward(workspace: PairWorkspace, costs: Float32Array, scaleFree: boolean, metric: Metric): PairForward {
  return (rows) => {
    const { k } = workspace;
    workspace.loadCosts(costs);
    // The cosine distance 1 − u_i·u_j is the kernels' n_i + n_j − coef·g with n = ½ and coef 1.
    if (metric === 'cosine') workspace.norms.fill(0.5);
    else workspace.norms.set(squaredRowNorms(rows));
    forEachUpperGramBlock(rows, (block) => {
      workspace.distortionDistances(block, metric === 'cosine' ? 1 : 2, metric === 'euclidean');
    });
    const { sum, sumSquares } = workspace.distanceSums();
    // As divNoNan: every a = 0 makes every scale optimal; s = 0 keeps the loss at 1 with a zero gradient.
    const s = scaleFree ? (sumSquares > 0 ? sum / sumSquares : 0) : 1;
    const pairs = k * k - k;
    // Both orders of a pair: ∂/∂d of 2(s·a − 1)²/pairs = 4s(s·a − 1)/(D·pairs); the euclidean W also takes ∂d/∂(d²) = 1/2d.
    const euclidean = metric === 'euclidean';
    workspace.distortionWeights(s, ((euclidean ? 2 : 4) * s) / pairs, euclidean);
    // Σ (s·a − 1)² over the pairs j > i from the float64 sums of a and a², with no pass over the pairs; clamped at 0
    // against rounding when the arrangement is near perfect.
    const total = Math.max(s * s * sumSquares - 2 * s * sum + pairs / 2, 0);
    return { value: (2 * total) / pairs, weights: workspace.matrix, rowSums: workspace.rowSums, lend: workspace.lend };
  };
}
