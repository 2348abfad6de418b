// Integer class labels: read once on the CPU (they are small) and checked for range and integrality.
import * as tf from '@tensorflow/tfjs-core';
import { describeValue, formatShape } from './describe';
import { MgpInputError } from './errors';

export type LabelsInput = tf.Tensor | number[] | Int32Array;

interface LabelRule {
  numClasses: number;
  /** Labels equal to this value are allowed and mean "no label" (e.g. -100 or 0). */
  ignoreIndex?: number;
  /** The shape the labels must have, e.g. the logits' shape without the class axis. */
  shape?: readonly number[];
}

/** Returns the labels as an Int32Array after checking they are integers in [0, numClasses) (or ignoreIndex). */
export function readLabels(fn: string, arg: string, labels: unknown, rule: LabelRule): Int32Array {
  let values: ArrayLike<number>;
  let shape: readonly number[];
  if (labels instanceof tf.Tensor) {
    if (labels.isDisposed) throw new MgpInputError(fn, arg, 'is a disposed tensor');
    values = labels.dataSync();
    shape = labels.shape;
  } else if (Array.isArray(labels) || labels instanceof Int32Array) {
    values = labels as ArrayLike<number>;
    shape = [labels.length];
  } else {
    throw new MgpInputError(fn, arg, `must be a tensor or an array of integer class labels; got ${describeValue(labels)}`);
  }
  if (rule.shape) {
    const expected = rule.shape;
    const sameSize = values.length === expected.reduce((a, b) => a * b, 1);
    const sameShape = shape.length === expected.length && shape.every((d, i) => d === expected[i]);
    if (!(sameShape || (shape.length === 1 && sameSize))) {
      throw new MgpInputError(fn, arg, `must have shape ${formatShape(expected)}; got ${describeValue(labels)}`);
    }
  }
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const y = values[i];
    if (!Number.isInteger(y)) {
      throw new MgpInputError(fn, arg, `must hold integer class labels; got ${y} at index ${i}`);
    }
    if (y !== rule.ignoreIndex && (y < 0 || y >= rule.numClasses)) {
      const ignore = rule.ignoreIndex === undefined ? '' : ` or ${rule.ignoreIndex} (ignoreIndex)`;
      throw new MgpInputError(fn, arg, `must hold labels in [0, ${rule.numClasses - 1}]${ignore}; got ${y} at index ${i}`);
    }
    out[i] = y;
  }
  return out;
}
