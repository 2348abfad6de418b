// Cost-aware losses on logits (EMD, soft labels) and the separation loss of hyperspherical prototypes.
import { mgpMetrics } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import type { ContractCheck } from '../types';

export const softLossesCheck: ContractCheck = {
  name: 'golden/emd-soft-label-separation-losses',
  uses: '@mgp/metrics emdLoss, softLabels, softLabelCrossEntropy, separationLoss',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const D = g.tree.distance_path;
      const y = g.inputs.labels;
      const { beta } = g.soft_labels;
      const logits = tf.tensor2d(g.inputs.logits);
      const unit = tf.tensor2d(g.separation_loss.prototypes_normalized);
      try {
        const { lambda, mu } = g.emd_loss;
        return [
          quantity('emd_loss', 'value', await read(tf, mgpMetrics.emdLoss(logits, y, D, { lambda, mu })), g.emd_loss.value),
          quantity('soft_labels.targets', 'value', await read(tf, mgpMetrics.softLabels(D, y, { beta })), g.soft_labels.targets),
          quantity('soft_labels.loss', 'value', await read(tf, mgpMetrics.softLabelCrossEntropy(logits, y, D, { beta })), g.soft_labels.loss),
          quantity('separation_loss', 'value', await read(tf, mgpMetrics.separationLoss(unit)), g.separation_loss.value),
        ];
      } finally {
        tf.dispose([logits, unit]);
      }
    }),
};
