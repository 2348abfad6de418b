import type * as tf from '@tensorflow/tfjs-core';

/** What every method gets to build its model. */
export interface MethodContext {
  numClasses: number;
  embeddingDim: number;
  /** Cost matrix between classes (tree path lengths), K×K. */
  D: number[][];
  /** The class tree, for the methods that use it directly (HXE, hierarchical softmax). */
  tree: { nested: unknown; leaves: string[] };
  /** Weight λ of the metric-guided regularizer. */
  lambda: number;
  seed: number;
  imageSize: number;
}

/** A model under training, whatever its head. Tensors passed in are owned by the caller. */
export interface TrainableModel {
  /** The variables the optimizer updates. */
  variables: tf.Variable[];
  /** Training loss of one batch; runs inside `optimizer.minimize`, so it only builds tensors. */
  loss(x: tf.Tensor4D, y: tf.Tensor1D, step: number): tf.Scalar;
  /** Runs after each optimizer step, outside the gradient tape (DeepNCM's running means). */
  afterStep?(x: tf.Tensor4D, y: tf.Tensor1D): void;
  /** Inference: class scores (argmax = prediction) and the embeddings. The caller disposes both. */
  predict(x: tf.Tensor4D): { scores: tf.Tensor2D; embeddings: tf.Tensor2D };
  /** Class prototypes in the embedding space, or null for heads without prototypes. */
  prototypes(): number[][] | null;
  dispose(): void;
}

export interface MethodSpec {
  id: string;
  /** Short name for tables and pictures. */
  label: string;
  /** One line for `--help`. */
  description: string;
  create(context: MethodContext): Promise<TrainableModel>;
}
