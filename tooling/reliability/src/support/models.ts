// Tiny models with every @mgp layer, shared by the save/load, long-run and edge tests.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, metricGuidedRegularizer, type LearntPrototypesArgs } from '@mgp/core';
import { HierarchicalSoftmax, Hierarchy } from '@mgp/hierarchy';
import { balancedTreeCosts, randomMatrix, type Matrix } from './matrices';

/** A 6-class tree (2 groups of 3) and its path distances, the D of the regularizer. */
export const TREE = Hierarchy.fromNested({ root: [{ odd: ['one', 'three', 'five'] }, { even: ['two', 'four', 'six'] }] });
export const K = TREE.numLeaves;
export const D: Matrix = balancedTreeCosts([2, 3]);
export const INPUT_DIM = 5;
export const EMBED_DIM = 3;

/** dense(INPUT_DIM → d) then the head. */
export function withBackbone(head: tfl.layers.Layer, d = EMBED_DIM, seed = 1): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: d, inputShape: [INPUT_DIM], kernelInitializer: tfl.initializers.glorotUniform({ seed }) }));
  model.add(head);
  return model;
}

export function prototypeModel(args: Partial<LearntPrototypesArgs> = {}, d = EMBED_DIM): tfl.Sequential {
  return withBackbone(new LearntPrototypes({ numPrototypes: K, prototypesInitializer: tfl.initializers.randomUniform({ minval: -1, maxval: 1, seed: 3 }), ...args }), d);
}

export function regularizedModel(weight = 0.5, kind: 'distortion' | 'rank' = 'distortion'): tfl.Sequential {
  const regularizer = kind === 'rank' ? metricGuidedRegularizer(D, { kind, weight, numTriplets: 40, seed: 7 }) : metricGuidedRegularizer(D, { weight });
  return prototypeModel({ prototypesRegularizer: regularizer });
}

export function fixedPrototypes(d = EMBED_DIM): Matrix {
  return randomMatrix(K, d, 11);
}

export function hypersphericalModel(score: 'hyperspherical' | 'cosine' = 'hyperspherical'): tfl.Sequential {
  return withBackbone(new HypersphericalPrototypes({ prototypes: fixedPrototypes(), score }));
}

/** [x, labels] → DeepNCM logits; the labels input feeds the running means in training. */
export function ncmModel(numClasses = K): { model: tfl.LayersModel; head: DeepNCM } {
  const x = tfl.input({ shape: [INPUT_DIM] });
  const y = tfl.input({ shape: [1] });
  const embeddings = tfl.layers.dense({ units: EMBED_DIM, activation: 'tanh', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }).apply(x) as tfl.SymbolicTensor;
  const head = new DeepNCM({ numClasses });
  const logits = head.apply([embeddings, y]) as tfl.SymbolicTensor;
  return { model: tfl.model({ inputs: [x, y], outputs: logits }), head };
}

export function hierarchicalModel(output: 'nodes' | 'leaves' = 'leaves', h: Hierarchy = TREE): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.dense({ units: h.numNodes - 1, inputShape: [INPUT_DIM], kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) }));
  model.add(new HierarchicalSoftmax({ hierarchy: h, output }));
  return model;
}

/** Cross-entropy on logits against one-hot targets. */
export const softmaxLoss = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor => tf.losses.softmaxCrossEntropy(yTrue, yPred);

/** Negative log-likelihood of log-probabilities (HierarchicalSoftmax's 'leaves' output). */
export const logProbLoss = (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor => tf.neg(tf.mean(tf.sum(tf.mul(yTrue, yPred), -1)));

/** The trainable model of the long runs: one backbone, three heads (prototypes + regularizer, DeepNCM, hierarchical softmax). */
export function threeHeadModel(): { model: tfl.LayersModel; prototypes: LearntPrototypes; ncm: DeepNCM } {
  const x = tfl.input({ shape: [INPUT_DIM] });
  const y = tfl.input({ shape: [1] });
  const embeddings = tfl.layers.dense({ units: EMBED_DIM, activation: 'tanh', kernelInitializer: tfl.initializers.glorotUniform({ seed: 5 }) }).apply(x) as tfl.SymbolicTensor;
  const prototypes = new LearntPrototypes({
    numPrototypes: K,
    prototypesInitializer: tfl.initializers.randomUniform({ minval: -1, maxval: 1, seed: 6 }),
    prototypesRegularizer: metricGuidedRegularizer(D, { weight: 0.1 }),
  });
  const ncm = new DeepNCM({ numClasses: K });
  const edgeLogits = tfl.layers.dense({ units: TREE.numNodes - 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: 8 }) }).apply(embeddings) as tfl.SymbolicTensor;
  const outputs = [
    prototypes.apply(embeddings) as tfl.SymbolicTensor,
    ncm.apply([embeddings, y]) as tfl.SymbolicTensor,
    new HierarchicalSoftmax({ hierarchy: TREE, output: 'leaves' }).apply(edgeLogits) as tfl.SymbolicTensor,
  ];
  const model = tfl.model({ inputs: [x, y], outputs });
  return { model, prototypes, ncm };
}

/** A batch: inputs [n, INPUT_DIM], labels [n, 1] (float, as a model input) and one-hot targets [n, K]. */
export function batch(n: number, seed: number): { x: tf.Tensor2D; y: tf.Tensor2D; target: tf.Tensor2D; labels: number[] } {
  const labels = Array.from({ length: n }, (_, i) => (i + seed) % K);
  return tf.tidy(() => ({
    x: tf.tensor2d(randomMatrix(n, INPUT_DIM, seed)),
    y: tf.tensor2d(labels, [n, 1]),
    target: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), K), 'float32') as tf.Tensor2D,
    labels,
  }));
}
