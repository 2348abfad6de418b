// Metrics of the predictions: average cost, mistake severity, hdist@k, least-expected-cost decision.
import { mgpMetrics } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import type { ContractCheck } from '../types';

export const costMetricsCheck: ContractCheck = {
  name: 'golden/cost-metrics',
  uses: '@mgp/metrics averageCost, mistakeSeverity, hierarchicalDistanceAtK, bayesDecision',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const D = g.tree.distance_path;
      const y = g.inputs.labels;
      const logits = tf.tensor2d(g.inputs.logits);
      try {
        const { k } = g.hdist_at_k;
        const out = [
          quantity('average_cost', 'value', await read(tf, mgpMetrics.averageCost(logits, y, D)), g.average_cost),
          quantity('mistake_severity', 'value', await read(tf, mgpMetrics.mistakeSeverity(logits, y, D)), g.mistake_severity),
          quantity('hdist_at_k.avg', 'value', await read(tf, mgpMetrics.hierarchicalDistanceAtK(logits, y, D, k, { mode: 'avg' })), g.hdist_at_k.avg),
          quantity('hdist_at_k.top', 'value', await read(tf, mgpMetrics.hierarchicalDistanceAtK(logits, y, D, k, { mode: 'top' })), g.hdist_at_k.top),
          quantity('bayes_decision', 'exact', await read(tf, mgpMetrics.bayesDecision(logits, D)), g.bayes_decision),
        ];
        if (g.average_cost_ignore_label0 !== null) {
          const ignored = mgpMetrics.averageCost(logits, y, D, { ignoreIndex: 0 });
          out.push(quantity('average_cost_ignore_label0', 'value', await read(tf, ignored), g.average_cost_ignore_label0));
        }
        return out;
      } finally {
        logits.dispose();
      }
    }),
};
