import * as tf from '@tensorflow/tfjs-core';
import { HierarchicalSoftmax, Hierarchy } from '@mgp/hierarchy';
import { Backbone } from '../../model/backbone';
import { DenseHead } from '../../model/dense-head';
import { deriveSeed } from '../../rng';
import type { MethodSpec } from '../method-types';

/**
 * YOLOv2's hierarchical inference: one logit per non-root node, softmax within each sibling group, leaf
 * log-marginals as the class scores; trained by the negative log-marginal of the true leaf (the sum of the
 * conditional cross-entropies along its path).
 */
export const hierarchicalSoftmaxMethod: MethodSpec = {
  id: 'hsoftmax',
  label: 'Hierarchical softmax',
  description: 'YOLOv2 hierarchical inference: a softmax per sibling group, leaf log-marginals as scores',
  create: async (context) => {
    const hierarchy = Hierarchy.fromNested(context.tree.nested, { leaves: context.tree.leaves });
    const layer = new HierarchicalSoftmax({ hierarchy, output: 'leaves' });
    const backbone = new Backbone(context.embeddingDim, context.imageSize, context.seed);
    const head = new DenseHead(context.embeddingDim, hierarchy.nonRootNodes().length, deriveSeed(context.seed, 100));
    const leafLogProbs = (embeddings: tf.Tensor2D) => layer.apply(head.apply(embeddings)) as tf.Tensor2D;
    return {
      variables: [...backbone.variables(), ...head.variables()],
      loss: (x, y) =>
        tf.tidy(() => {
          const logp = leafLogProbs(backbone.embed(x, true));
          const picked = tf.sum(tf.mul(logp, tf.oneHot(y, context.numClasses)), 1);
          return tf.neg(tf.mean(picked)) as tf.Scalar;
        }),
      predict: (x) =>
        tf.tidy(() => {
          const embeddings = backbone.embed(x, false);
          return { embeddings, scores: leafLogProbs(embeddings) };
        }),
      prototypes: () => null,
      dispose: () => {
        backbone.dispose();
        head.dispose();
      },
    };
  },
};
