// Reading results back as plain numbers (the only thing a check returns).
import type { Tf } from './types';
import type * as tfNamespace from '@tensorflow/tfjs';

type Nested = number | Nested[];

export function flat(value: Nested): number[] {
  return typeof value === 'number' ? [value] : value.flatMap((v) => flat(v));
}

/** Numbers of a tensor (disposing it when `dispose`), or of a plain number. */
export async function read(tf: Tf, value: tfNamespace.Tensor | number, dispose = true): Promise<number[]> {
  if (typeof value === 'number') return [value];
  if (!(value instanceof tf.Tensor)) throw new TypeError(`expected a tensor or a number, got ${typeof value}`);
  const data = Array.from(await value.data(), Number);
  if (dispose) value.dispose();
  return data;
}
