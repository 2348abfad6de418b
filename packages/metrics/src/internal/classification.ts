// Checks shared by everything that takes class scores and labels: logits [N, K] or [B, H, W, K]
// (channels-last, flattened to [N, K] pixels), labels of the logits' shape without the class axis.
import * as tf from '@tensorflow/tfjs-core';
import { assertFloat, assertNonEmpty, assertNumber, assertRank, readLabels } from '../validation';

export interface CheckedScores {
  logits: tf.Tensor;
  /** K, the last axis. */
  numClasses: number;
  /** N, the number of rows (samples or pixels). */
  rows: number;
  /** The logits' shape without the class axis. */
  outerShape: number[];
}

export interface CheckedLabels {
  /** Labels with ignored entries replaced by 0, so they can index. */
  labels: Int32Array;
  /** 1 for kept rows, 0 for rows labelled `ignoreIndex`. */
  keep: Float32Array;
  kept: number;
}

export function readScores(fn: string, arg: string, logits: unknown): CheckedScores {
  assertRank(fn, arg, logits, [2, 4]);
  assertFloat(fn, arg, logits);
  assertNonEmpty(fn, arg, logits);
  const numClasses = logits.shape[logits.rank - 1];
  const outerShape = logits.shape.slice(0, -1);
  return { logits, numClasses, rows: logits.size / numClasses, outerShape };
}

export function readIgnoreIndex(fn: string, ignoreIndex: unknown): number | undefined {
  if (ignoreIndex !== undefined) assertNumber(fn, 'options.ignoreIndex', ignoreIndex, { integer: true });
  return ignoreIndex as number | undefined;
}

export function readClassLabels(fn: string, labels: unknown, scores: CheckedScores, ignoreIndex: number | undefined): CheckedLabels {
  const raw = readLabels(fn, 'labels', labels, { numClasses: scores.numClasses, ignoreIndex, shape: scores.outerShape });
  return maskIgnored(raw, ignoreIndex);
}

export function maskIgnored(raw: Int32Array, ignoreIndex: number | undefined): CheckedLabels {
  const keep = new Float32Array(raw.length).fill(1);
  const labels = raw.slice();
  let kept = raw.length;
  if (ignoreIndex !== undefined) {
    for (let n = 0; n < raw.length; n++) {
      if (raw[n] === ignoreIndex) {
        keep[n] = 0;
        labels[n] = 0;
        kept--;
      }
    }
  }
  return { labels, keep, kept };
}

/** The logits as [N, K] (a free reshape of channels-last [B, H, W, K]). */
export function asRows(scores: CheckedScores): tf.Tensor2D {
  return tf.reshape(scores.logits, [scores.rows, scores.numClasses]);
}

/** Flat indices y_n·K + c of D's row y_n, for gathering D[y_n, c] from the flattened matrix. */
export function rowOffsets(labels: Int32Array, numClasses: number): tf.Tensor2D {
  return tf.tensor2d(
    labels.map((y) => y * numClasses),
    [labels.length, 1],
    'int32',
  );
}
