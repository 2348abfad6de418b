// prototypeLogits: the logits of a prototype classifier for flat [B, d] or NHWC [B, H, W, d] embeddings.
import * as tf from '@tensorflow/tfjs-core';
import { assertDim, assertFloat, assertNonEmpty, assertRank } from '@mgp/metrics';
import { flatPrototypeLogits } from './kernel';
import { resolveMetric, type PrototypeMetricOptions, type ResolvedMetric } from './metric';

const FN = 'prototypeLogits';

/**
 * Logits of each embedding against each prototype: `[B, d] → [B, K]` or `[B, H, W, d] → [B, H, W, K]`.
 * Computed in matrix-product form (no `[B, K, d]` tensor) with a hand-written gradient that stays finite
 * when an embedding equals a prototype. See {@link PrototypeMetricOptions} for the metrics.
 */
export function prototypeLogits(embeddings: tf.Tensor2D, prototypes: tf.Tensor2D, options?: PrototypeMetricOptions): tf.Tensor2D;
export function prototypeLogits(embeddings: tf.Tensor4D, prototypes: tf.Tensor2D, options?: PrototypeMetricOptions): tf.Tensor4D;
export function prototypeLogits(embeddings: tf.Tensor, prototypes: tf.Tensor, options?: PrototypeMetricOptions): tf.Tensor;
export function prototypeLogits(embeddings: tf.Tensor, prototypes: tf.Tensor, options: PrototypeMetricOptions = {}): tf.Tensor {
  const resolved = checkPrototypeLogitsArgs(FN, embeddings, prototypes, options);
  return prototypeLogitsUnchecked(embeddings, prototypes as tf.Tensor2D, resolved);
}

/** Validates the arguments of {@link prototypeLogits} (shared with the layers). */
export function checkPrototypeLogitsArgs(
  fn: string,
  embeddings: unknown,
  prototypes: unknown,
  options: PrototypeMetricOptions | undefined,
  names: { embeddings: string; prototypes: string } = { embeddings: 'embeddings', prototypes: 'prototypes' },
): ResolvedMetric {
  assertRank(fn, names.prototypes, prototypes, [2]);
  assertFloat(fn, names.prototypes, prototypes);
  assertNonEmpty(fn, names.prototypes, prototypes);
  assertRank(fn, names.embeddings, embeddings, [2, 4]);
  assertFloat(fn, names.embeddings, embeddings);
  const d = prototypes.shape[1] as number;
  assertDim(fn, names.embeddings, embeddings, -1, d, `the embedding dimension d of ${names.prototypes} [K, d]`);
  return resolveMetric(fn, options);
}

/** {@link prototypeLogits} without validation, for callers that validated already. */
export function prototypeLogitsUnchecked(embeddings: tf.Tensor, prototypes: tf.Tensor2D, metric: ResolvedMetric): tf.Tensor {
  return tf.tidy(() => {
    const [k, d] = prototypes.shape;
    if (embeddings.rank === 2) return flatPrototypeLogits(embeddings as tf.Tensor2D, prototypes, metric);
    // NHWC: every pixel is one embedding; [B, H, W, d] → [B·H·W, d] → [B·H·W, K] → [B, H, W, K].
    const [b, h, w] = embeddings.shape;
    const flat = tf.reshape(embeddings, [b * h * w, d]);
    return tf.reshape(flatPrototypeLogits(flat as tf.Tensor2D, prototypes, metric), [b, h, w, k]);
  });
}
