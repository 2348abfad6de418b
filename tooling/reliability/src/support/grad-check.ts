// Value and gradients of a function of some tensors, as plain numbers, with the first non-finite one named.
import * as tf from '@tensorflow/tfjs-core';
import { firstNonFinite } from './finite';

export interface ValueAndGrads {
  value: number[];
  grads: number[][];
  /** The first non-finite number in the value or a gradient, or null. */
  nonFinite: string | null;
}

/** `f` may return any tensor; the gradients are those of its sum. Tensors made here are disposed. */
export function valueAndGrads(f: (...xs: tf.Tensor[]) => tf.Tensor, xs: tf.Tensor[]): ValueAndGrads {
  let out: ValueAndGrads | null = null;
  tf.tidy(() => {
    const direct = f(...xs);
    const { grads } = tf.valueAndGrads((...args: tf.Tensor[]) => tf.sum(f(...args)) as tf.Scalar)(xs);
    out = {
      value: Array.from(direct.dataSync()),
      grads: grads.map((g) => Array.from(g.dataSync())),
      nonFinite: firstNonFinite(direct, 'value') ?? grads.map((g, i) => firstNonFinite(g, `gradient ${i}`)).find((m) => m !== null) ?? null,
    };
  });
  return out as unknown as ValueAndGrads;
}
