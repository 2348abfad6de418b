// Distortion and rank losses with their gradients with respect to the prototypes.
import type * as tfNamespace from '@tensorflow/tfjs';
import { mgpMetrics } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import type { ContractCheck } from '../types';

export const prototypeLossesCheck: ContractCheck = {
  name: 'golden/distortion-and-rank-losses',
  uses: '@mgp/metrics distortionLoss, rankLoss',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const D = g.tree.distance_path;
      const triplets = { triplets: g.inputs.triplets };
      const p = tf.tensor2d(g.inputs.prototypes);
      try {
        const scaleFree = (q: tfNamespace.Tensor) => mgpMetrics.distortionLoss(q as tfNamespace.Tensor2D, D);
        const rank = (q: tfNamespace.Tensor) => mgpMetrics.rankLoss(q as tfNamespace.Tensor2D, D, triplets);
        return [
          quantity('distortion_loss.scale_free', 'value', await read(tf, scaleFree(p)), g.distortion_loss.scale_free),
          quantity('distortion_loss.plain', 'value', await read(tf, mgpMetrics.distortionLoss(p, D, { scaleFree: false })), g.distortion_loss.plain),
          quantity(
            'distortion_loss.scale_free_cosine',
            'value',
            await read(tf, mgpMetrics.distortionLoss(p, D, { metric: 'cosine' })),
            g.distortion_loss.scale_free_cosine,
          ),
          quantity('distortion_loss.grad_scale_free', 'value', await read(tf, tf.grad(scaleFree)(p)), g.distortion_loss.grad_scale_free),
          quantity('rank_loss.euclidean', 'value', await read(tf, rank(p)), g.rank_loss.euclidean),
          quantity('rank_loss.cosine', 'value', await read(tf, mgpMetrics.rankLoss(p, D, triplets, { metric: 'cosine' })), g.rank_loss.cosine),
          quantity('rank_loss.grad_euclidean', 'value', await read(tf, tf.grad(rank)(p)), g.rank_loss.grad_euclidean),
        ];
      } finally {
        p.dispose();
      }
    }),
};
