import * as tf from '@tensorflow/tfjs-core';
import { hierarchicalCrossEntropy, Hierarchy } from '@mgp/hierarchy';
import { softLabelCrossEntropy } from '@mgp/metrics';
import { Backbone } from '../../model/backbone';
import { DenseHead } from '../../model/dense-head';
import { deriveSeed } from '../../rng';
import type { MethodContext, MethodSpec, TrainableModel } from '../method-types';

type DenseLoss = (logits: tf.Tensor2D, labels: tf.Tensor1D, context: MethodContext) => tf.Scalar;

/** Backbone → embedding → linear layer to K logits, trained with `loss`. */
function denseModel(context: MethodContext, loss: DenseLoss): TrainableModel {
  const backbone = new Backbone(context.embeddingDim, context.imageSize, context.seed);
  const head = new DenseHead(context.embeddingDim, context.numClasses, deriveSeed(context.seed, 100));
  return {
    variables: [...backbone.variables(), ...head.variables()],
    loss: (x, y) => tf.tidy(() => loss(head.apply(backbone.embed(x, true)), y, context)),
    predict: (x) =>
      tf.tidy(() => {
        const embeddings = backbone.embed(x, false);
        return { embeddings, scores: head.apply(embeddings) };
      }),
    prototypes: () => null,
    dispose: () => {
      backbone.dispose();
      head.dispose();
    },
  };
}

function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D, context: MethodContext): tf.Scalar {
  return tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.oneHot(labels, context.numClasses), logits) as tf.Scalar);
}

export const crossEntropyMethod: MethodSpec = {
  id: 'xe',
  label: 'Cross-entropy',
  description: 'linear classifier on the embedding, softmax cross-entropy',
  create: async (context) => denseModel(context, crossEntropy),
};

/** β of the soft labels `softmax(−β·D[y]/max D)`; 1 (the seed's default) makes them almost uniform on a 2-4-6 tree. */
export const SOFT_LABEL_BETA = 10;

export const softLabelsMethod: MethodSpec = {
  id: 'soft-labels',
  label: 'Soft labels',
  description: `cross-entropy against soft labels softmax(-β·D/max D), β = ${SOFT_LABEL_BETA} (Bertinetto et al.)`,
  create: async (context) =>
    denseModel(context, (logits, labels, ctx) => softLabelCrossEntropy(logits, labels, ctx.D, { beta: SOFT_LABEL_BETA })),
};

/** α of HXE's level weights `exp(−α·h)` (@mgp/hierarchy's default; Bertinetto et al. use 0.1 to 0.6). */
export const HXE_ALPHA = 0.5;

export const hxeMethod: MethodSpec = {
  id: 'hxe',
  label: 'Hierarchical XE',
  description: `hierarchical cross-entropy, level weights exp(-α·h), α = ${HXE_ALPHA} (Bertinetto et al.)`,
  create: async (context) => {
    const hierarchy = Hierarchy.fromNested(context.tree.nested, { leaves: context.tree.leaves });
    return denseModel(context, (logits, labels) => hierarchicalCrossEntropy(logits, labels, hierarchy, { alpha: HXE_ALPHA }) as tf.Scalar);
  },
};
