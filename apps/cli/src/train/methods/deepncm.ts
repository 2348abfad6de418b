import * as tf from '@tensorflow/tfjs-core';
import { DeepNCM } from '@mgp/core';
import { Backbone } from '../../model/backbone';
import type { MethodSpec } from '../method-types';

/**
 * DeepNCM (Guerriero et al.): the class prototypes are running means of each class's embeddings. In training the
 * layer, given the batch labels, first updates the means (no gradient) and then scores the batch against them,
 * logits −‖x − mean‖², as the seed's module does.
 */
export const deepNcmMethod: MethodSpec = {
  id: 'deepncm',
  label: 'DeepNCM',
  description: 'prototypes = running class means of the embeddings (Guerriero et al.)',
  create: async (context) => {
    const backbone = new Backbone(context.embeddingDim, context.imageSize, context.seed);
    const ncm = new DeepNCM({ numClasses: context.numClasses });
    return {
      variables: backbone.variables(),
      loss: (x, y) =>
        tf.tidy(() => {
          const logits = ncm.apply([backbone.embed(x, true), y], { training: true }) as tf.Tensor2D;
          return tf.losses.softmaxCrossEntropy(tf.oneHot(y, context.numClasses), logits) as tf.Scalar;
        }),
      predict: (x) =>
        tf.tidy(() => {
          const embeddings = backbone.embed(x, false);
          return { embeddings, scores: ncm.logits(embeddings) as tf.Tensor2D };
        }),
      prototypes: () => {
        const { prototypes, counts } = ncm.getClassMeans();
        const values = prototypes.arraySync();
        tf.dispose([prototypes, counts]);
        return values;
      },
      dispose: () => {
        backbone.dispose();
        ncm.dispose();
      },
    };
  },
};
