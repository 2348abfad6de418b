import * as tf from '@tensorflow/tfjs-core';
import { embedMetric, embedOnSphere, prototypeLogits, type PrototypeMetric } from '@mgp/core';
import { createRng as createTripletRng, distortionLoss, hypersphericalLoss, rankLoss, type Rng } from '@mgp/metrics';
import { Backbone } from '../../model/backbone';
import { uniformPrototypes } from '../../model/init';
import { deriveSeed } from '../../rng';
import type { MethodContext, MethodSpec, TrainableModel } from '../method-types';

interface PrototypeOptions {
  /** Where the prototypes start: `torch.rand` as the seed, or a fixed arrangement computed before training. */
  initial: (context: MethodContext) => Promise<tf.Tensor2D>;
  trainable: boolean;
  metric: PrototypeMetric;
  /** λ·regularizer(prototypes) added to the loss (metric guidance). */
  regularizer?: (context: MethodContext) => (prototypes: tf.Variable<tf.Rank.R2>) => tf.Scalar;
  /** Classification loss from the scores (cross-entropy unless given). */
  loss?: (scores: tf.Tensor2D, labels: tf.Tensor1D, context: MethodContext) => tf.Scalar;
}

async function prototypeModel(context: MethodContext, options: PrototypeOptions): Promise<TrainableModel> {
  const backbone = new Backbone(context.embeddingDim, context.imageSize, context.seed);
  const initial = await options.initial(context);
  const prototypes = tf.variable(initial, options.trainable) as tf.Variable<tf.Rank.R2>;
  initial.dispose();
  const regularizer = options.regularizer?.(context);
  const scoresOf = (embeddings: tf.Tensor2D) => prototypeLogits(embeddings, prototypes, { metric: options.metric });
  const classification =
    options.loss ??
    ((scores: tf.Tensor2D, labels: tf.Tensor1D) =>
      tf.losses.softmaxCrossEntropy(tf.oneHot(labels, context.numClasses), scores) as tf.Scalar);
  return {
    variables: options.trainable ? [...backbone.variables(), prototypes] : backbone.variables(),
    loss: (x, y) =>
      tf.tidy(() => {
        const base = classification(scoresOf(backbone.embed(x, true)), y, context);
        if (!regularizer) return base;
        return tf.add(base, tf.mul(context.lambda, regularizer(prototypes))) as tf.Scalar;
      }),
    predict: (x) =>
      tf.tidy(() => {
        const embeddings = backbone.embed(x, false);
        return { embeddings, scores: scoresOf(embeddings) };
      }),
    prototypes: () => prototypes.arraySync() as number[][],
    dispose: () => {
      backbone.dispose();
      prototypes.dispose();
    },
  };
}

const randomStart = async (context: MethodContext) =>
  uniformPrototypes(context.numClasses, context.embeddingDim, deriveSeed(context.seed, 200));

export const freePrototypesMethod: MethodSpec = {
  id: 'free',
  label: 'Free prototypes',
  description: 'learnt prototypes, no guidance (logits = -distance)',
  create: (context) => prototypeModel(context, { initial: randomStart, trainable: true, metric: 'euclidean' }),
};

export const guidedDistortionMethod: MethodSpec = {
  id: 'guided',
  label: 'Guided (distortion)',
  description: 'learnt prototypes + λ·scale-free distortion to D',
  create: (context) =>
    prototypeModel(context, {
      initial: randomStart,
      trainable: true,
      metric: 'euclidean',
      regularizer: (ctx) => (p) => distortionLoss(p, ctx.D, { scaleFree: true }),
    }),
};

/** Triplets drawn per step by the rank loss (the seed notebook's `n_triplets=10`). */
const RANK_TRIPLETS = 10;

export const guidedRankMethod: MethodSpec = {
  id: 'rank',
  label: 'Guided (rank)',
  description: `learnt prototypes + λ·rank loss to D (${RANK_TRIPLETS} triplets a step)`,
  create: (context) =>
    prototypeModel(context, {
      initial: randomStart,
      trainable: true,
      metric: 'euclidean',
      regularizer: (ctx) => {
        // One generator per model: fresh triplets at every step, the whole sequence reproducible from the seed.
        const rng: Rng = createTripletRng(deriveSeed(ctx.seed, 500));
        return (p) => rankLoss(p, ctx.D, { numTriplets: RANK_TRIPLETS, seed: rng });
      },
    }),
};

export const fixedPrototypesMethod: MethodSpec = {
  id: 'fixed',
  label: 'Fixed prototypes',
  description: 'prototypes embedded from D first (distortion loss), then frozen',
  create: (context) =>
    prototypeModel(context, {
      // The seed's embed_nomenclature(D, loss='disto', lr=1): @mgp/core's defaults.
      initial: async (ctx) => embedMetric(ctx.D, ctx.embeddingDim, { loss: 'distortion', seed: deriveSeed(ctx.seed, 300) }),
      trainable: false,
      metric: 'euclidean',
    }),
};

export const hypersphericalMethod: MethodSpec = {
  id: 'hyperspherical',
  label: 'Hyperspherical',
  description: 'fixed prototypes on the unit sphere placed with D as a prior (Mettes et al.)',
  create: (context) =>
    prototypeModel(context, {
      initial: async (ctx) => embedOnSphere(ctx.D, ctx.embeddingDim, { seed: deriveSeed(ctx.seed, 400) }),
      trainable: false,
      metric: 'hyperspherical',
      // Mean over the batch rather than the paper's sum, so the seed's learning rate suits every head.
      loss: (scores, labels) => hypersphericalLoss(scores, labels, { reduction: 'mean' }) as tf.Scalar,
    }),
};
