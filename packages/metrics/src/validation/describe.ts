// Short human descriptions of whatever a caller passed, for error messages.
import * as tf from '@tensorflow/tfjs-core';

export function describeValue(value: unknown): string {
  if (value instanceof tf.Tensor) return `a ${value.dtype} tensor of shape [${value.shape.join(', ')}]`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    const shape = arrayShape(value);
    return shape ? `an array of shape [${shape.join(', ')}]` : `a ragged array of length ${value.length}`;
  }
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `a value of type ${typeof value}`;
}

/** Shape of a nested rectangular array, or null when ragged. */
export function arrayShape(value: unknown): number[] | null {
  if (!Array.isArray(value)) return [];
  if (value.length === 0) return [0];
  const inner = arrayShape(value[0]);
  if (inner === null) return null;
  for (let i = 1; i < value.length; i++) {
    const other = arrayShape(value[i]);
    if (other === null || other.length !== inner.length || other.some((d, j) => d !== inner[j])) return null;
  }
  return [value.length, ...inner];
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
