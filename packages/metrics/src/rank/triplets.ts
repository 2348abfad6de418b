// Reading caller-given triplets (i, j, k) of class indices into typed arrays, checked.
import * as tf from '@tensorflow/tfjs-core';
import type { ClassTriplets } from '../random';
import { arrayShape, describeValue, MgpInputError } from '../validation';

/** [T, 3] class-index triplets: a tensor, nested arrays, a flat Int32Array of length 3T, or {i, j, k}. */
export type TripletsInput = tf.Tensor | number[][] | Int32Array | ClassTriplets;

export function readTriplets(fn: string, arg: string, triplets: unknown, numClasses: number): ClassTriplets {
  const flat = flatTriplets(fn, arg, triplets);
  const count = flat.length / 3;
  const out = { i: new Int32Array(count), j: new Int32Array(count), k: new Int32Array(count) };
  for (let t = 0; t < count; t++) {
    for (let c = 0; c < 3; c++) {
      const v = flat[3 * t + c];
      if (!Number.isInteger(v) || v < 0 || v >= numClasses) {
        throw new MgpInputError(fn, arg, `must hold integer class indices in [0, ${numClasses - 1}]; got ${v} at [${t}][${c}]`);
      }
    }
    out.i[t] = flat[3 * t];
    out.j[t] = flat[3 * t + 1];
    out.k[t] = flat[3 * t + 2];
  }
  return out;
}

function flatTriplets(fn: string, arg: string, triplets: unknown): ArrayLike<number> {
  const expected = 'must be [T, 3] class-index triplets (tensor, number[][], flat Int32Array or {i, j, k})';
  if (triplets instanceof tf.Tensor) {
    if (triplets.isDisposed) throw new MgpInputError(fn, arg, 'is a disposed tensor');
    if (triplets.rank !== 2 || triplets.shape[1] !== 3 || triplets.shape[0] === 0) {
      throw new MgpInputError(fn, arg, `${expected}; got ${describeValue(triplets)}`);
    }
    return triplets.dataSync();
  }
  if (triplets instanceof Int32Array) {
    if (triplets.length === 0 || triplets.length % 3 !== 0) throw new MgpInputError(fn, arg, `${expected}; got ${describeValue(triplets)}`);
    return triplets;
  }
  if (Array.isArray(triplets)) {
    const shape = arrayShape(triplets);
    if (!shape || shape.length !== 2 || shape[1] !== 3 || shape[0] === 0) {
      throw new MgpInputError(fn, arg, `${expected}; got ${describeValue(triplets)}`);
    }
    return (triplets as number[][]).flat();
  }
  const parts = triplets as Partial<ClassTriplets> | null;
  if (parts && parts.i instanceof Int32Array && parts.j instanceof Int32Array && parts.k instanceof Int32Array) {
    const n = parts.i.length;
    if (n === 0 || parts.j.length !== n || parts.k.length !== n) throw new MgpInputError(fn, arg, `${expected}; got i, j, k of lengths ${n}, ${parts.j.length}, ${parts.k.length}`);
    const flat = new Int32Array(3 * n);
    for (let t = 0; t < n; t++) flat.set([parts.i[t], parts.j[t], parts.k[t]], 3 * t);
    return flat;
  }
  throw new MgpInputError(fn, arg, `${expected}; got ${describeValue(triplets)}`);
}

/** The triplets that do not involve `ignoreIndex`. */
export function dropIgnored(triplets: ClassTriplets, ignoreIndex: number | undefined): ClassTriplets {
  if (ignoreIndex === undefined) return triplets;
  const keep: number[] = [];
  for (let t = 0; t < triplets.i.length; t++) {
    if (triplets.i[t] !== ignoreIndex && triplets.j[t] !== ignoreIndex && triplets.k[t] !== ignoreIndex) keep.push(t);
  }
  if (keep.length === triplets.i.length) return triplets;
  const pick = (a: Int32Array) => Int32Array.from(keep, (t) => a[t]);
  return { i: pick(triplets.i), j: pick(triplets.j), k: pick(triplets.k) };
}
