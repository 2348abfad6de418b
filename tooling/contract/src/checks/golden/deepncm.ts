// DeepNCM: running class means, their counts, and the logits −‖x − p‖² after each batch.
import type * as tfNamespace from '@tensorflow/tfjs';
import { mgpCore, type DeepNCMLayer } from '../api';
import { read } from '../numbers';
import { overCases, quantity } from '../quantities';
import type { ContractCheck, Golden, Quantity, Tf } from '../types';

/** Reads the means [K, d] and counts [K] among the layer's weights, found by shape (names are the layer's business). */
export async function meansAndCounts(tf: Tf, layer: DeepNCMLayer, k: number, d: number): Promise<{ means: number[]; counts: number[] }> {
  const weights = layer.getWeights();
  const means = weights.find((w) => w.rank === 2 && w.shape[0] === k && w.shape[1] === d);
  const counts = weights.find((w) => w.rank === 1 && w.shape[0] === k);
  if (!means || !counts) {
    throw new Error(`DeepNCM: expected weights of shapes [${k}, ${d}] (means) and [${k}] (counts); got ${weights.map((w) => `[${w.shape}]`).join(', ')}`);
  }
  return { means: await read(tf, means, false), counts: await read(tf, counts, false) };
}

/** A DeepNCM layer from the golden initial prototypes, in a model (which builds it, names its weights, disposes it). */
export function newDeepNCM(tf: Tf, g: Golden): { layer: DeepNCMLayer; model: tfNamespace.Sequential } {
  const initial = g.deepncm.initial_prototypes;
  const layer = new mgpCore.DeepNCM({ numClasses: initial.length, initialPrototypes: initial, inputShape: [initial[0].length] });
  return { layer, model: tf.sequential({ layers: [layer] }) };
}

export const deepNcmCheck: ContractCheck = {
  name: 'golden/deepncm-updates',
  uses: '@mgp/core DeepNCM',
  run: (tf, data) =>
    overCases(data, async (g) => {
      const { layer, model } = newDeepNCM(tf, g);
      const [k, d] = [g.deepncm.initial_prototypes.length, g.deepncm.initial_prototypes[0].length];
      const out: Quantity[] = [];
      try {
        for (const [t, batch] of g.deepncm.batches.entries()) {
          const x = tf.tensor2d(batch.embeddings);
          layer.update(x, batch.labels);
          const { means, counts } = await meansAndCounts(tf, layer, k, d);
          const logits = layer.apply(x) as tfNamespace.Tensor;
          x.dispose();
          const step = g.deepncm.steps[t];
          out.push(quantity(`step${t}.prototypes`, 'trained', means, step.prototypes));
          out.push(quantity(`step${t}.counts`, 'exact', counts, step.counts));
          out.push(quantity(`step${t}.logits`, 'trained', await read(tf, logits), step.logits));
        }
        return out;
      } finally {
        model.dispose();
      }
    }),
};
