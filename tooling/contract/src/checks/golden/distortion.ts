import { mgpMetrics } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import type { ContractCheck } from '../types';

export const distortionCheck: ContractCheck = {
  name: 'golden/distortion',
  uses: '@mgp/metrics distortion, scaleFreeDistortion, optimalScale',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const D = g.tree.distance_path;
      const p = tf.tensor2d(g.inputs.prototypes);
      try {
        return [
          quantity('distortion.euclidean', 'value', await read(tf, mgpMetrics.distortion(p, D)), g.distortion.euclidean),
          quantity('distortion.cosine', 'value', await read(tf, mgpMetrics.distortion(p, D, { metric: 'cosine' })), g.distortion.cosine),
          quantity('scale_free_distortion.value', 'value', await read(tf, mgpMetrics.scaleFreeDistortion(p, D)), g.scale_free_distortion.value),
          quantity('scale_free_distortion.optimal_scale', 'value', await read(tf, mgpMetrics.optimalScale(p, D)), g.scale_free_distortion.optimal_scale),
        ];
      } finally {
        p.dispose();
      }
    }),
};
