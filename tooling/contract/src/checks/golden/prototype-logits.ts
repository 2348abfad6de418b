import { mgpCore } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import type { ContractCheck } from '../types';

const METRICS = [
  ['euclidean', 'euclidean', undefined],
  ['sqeuclidean', 'sqeuclidean', undefined],
  ['cosine', 'cosine', undefined],
  ['hyperspherical', 'hyperspherical', undefined],
  ['pseudoHuber_delta_0.5', 'pseudoHuber', 0.5],
] as const;

export const prototypeLogitsCheck: ContractCheck = {
  name: 'golden/prototype-logits',
  uses: '@mgp/core prototypeLogits',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const x = tf.tensor2d(g.inputs.embeddings);
      const p = tf.tensor2d(g.inputs.prototypes);
      try {
        const out = [];
        for (const [key, metric, delta] of METRICS) {
          const logits = mgpCore.prototypeLogits(x, p, delta === undefined ? { metric } : { metric, delta });
          out.push(quantity(key, 'value', await read(tf, logits), g.prototype_logits[key]));
        }
        return out;
      } finally {
        tf.dispose([x, p]);
      }
    }),
};
