import * as tf from '@tensorflow/tfjs-core';
import { DeepNCM } from './core-pending';
import { Backbone } from '../../model/backbone';
import type { MethodSpec } from '../method-types';

/**
 * DeepNCM (Guerriero et al.): prototypes are running means of each class's embeddings, updated after every
 * step from the batch (outside the gradient), logits −‖x − mean‖².
 */
export const deepNcmMethod: MethodSpec = {
  id: 'deepncm',
  label: 'DeepNCM',
  description: 'prototypes = running class means of the embeddings (Guerriero et al.)',
  create: async (context) => {
    const backbone = new Backbone(context.embeddingDim, context.imageSize, context.seed);
    const ncm = new DeepNCM({ numClasses: context.numClasses, embeddingDim: context.embeddingDim });
    return {
      variables: backbone.variables(),
      loss: (x, y) =>
        tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(y, context.numClasses), ncm.logits(backbone.embed(x, true))) as tf.Scalar),
      afterStep: (x, y) => tf.tidy(() => ncm.update(backbone.embed(x, false), y)),
      predict: (x) =>
        tf.tidy(() => {
          const embeddings = backbone.embed(x, false);
          return { embeddings, scores: ncm.logits(embeddings) };
        }),
      prototypes: () => ncm.means().arraySync() as number[][],
      dispose: () => {
        backbone.dispose();
        ncm.dispose();
      },
    };
  },
};
