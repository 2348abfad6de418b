// The rank loss through all K² distances on the WebAssembly kernels of ../simd/rank-kernels: the triplets grouped by
// anchor and their signs, the mirrored distances from the upper Gram blocks, each triplet's term and slope, and W,
// each a kernel pass; then the one backward product of ../distances/pair-weights-op. The JavaScript loops of
// ./host-loss took ~25 ms of host work at K = 1,000 with 250,000 triplets, three K×K×128 products' worth.
import * as tf from '@tensorflow/tfjs-core';
import { forEachUpperGramBlock } from '../distances/gram-blocks';
import type { Metric } from '../distances/metric';
import { pairWeightsOp, squaredRowNorms } from '../distances/pair-weights-op';
import type { CostLookup } from '../internal/cost-source';
import type { ClassTriplets } from '../random';
import { rankWorkspace, type RankWorkspace } from '../simd/rank-kernels';
import { orderSigns } from './order-signs';

/** How each triplet's pairs are ordered: their signs, in the triplets' order, or the costs to read them from. */
export type TripletOrder = { signs: Float32Array } | { cost: CostLookup };

/**
 * −mean_t log σ(s_t·(d_ij − d_ik)) over the triplets in any order, as ./rank-loss's logisticRankLoss, or null where
 * the kernels or their memory are missing (the caller then runs the JavaScript loops).
 */
export function kernelRankLoss(points: tf.Tensor2D, triplets: ClassTriplets, order: TripletOrder, metric: Metric): tf.Scalar | null {
  const k = points.shape[0];
  const count = triplets.i.length;
  const costs = 'cost' in order ? order.cost.matrix?.values : undefined;
  const workspace = rankWorkspace(k, count, costs !== undefined);
  if (!workspace) return null;
  workspace.groupTriplets(triplets, 'signs' in order ? order.signs : undefined);
  if (costs) workspace.loadCosts(costs);
  else if ('cost' in order) workspace.signs.set(orderSigns(order.cost, { i: workspace.anchors, j: workspace.seconds, k: workspace.thirds }));
  return tf.tidy(() =>
    pairWeightsOp(points, metric, (rows) => {
      const value = rankForward(workspace, rows, metric) / count;
      return { value, weights: workspace.weights, rowSums: workspace.rowSums, lend: workspace.lend };
    }),
  );
}

/** Σ_t softplus(x_t), with W and its row sums left in the workspace. */
function rankForward(workspace: RankWorkspace, rows: tf.Tensor2D, metric: Metric): number {
  const { k } = workspace;
  // The cosine distance 1 − u_i·u_j is the kernels' n_i + n_j − coef·g with n = ½ and coef 1.
  if (metric === 'cosine') workspace.norms.fill(0.5);
  else workspace.norms.set(squaredRowNorms(rows));
  forEachUpperGramBlock(rows, (block) => {
    workspace.mirroredDistances(block, metric === 'cosine' ? 1 : 2, metric === 'euclidean');
  });
  const sum = workspace.terms(1 / workspace.signs.length, metric === 'euclidean');
  workspace.symmetrize();
  return sum;
}
