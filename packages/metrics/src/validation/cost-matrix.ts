// Cost matrices D: square, finite, non-negative, symmetric, zero diagonal. Checked once per tensor.
import * as tf from '@tensorflow/tfjs-core';
import { arrayShape, describeValue, formatShape } from './describe';
import { MgpInputError } from './errors';

/** A misclassification cost matrix: a [K, K] tensor or nested array. */
export type CostMatrixInput = tf.Tensor2D | tf.Tensor | number[][];

export interface CostMatrixRule {
  /** The number of classes D must cover (e.g. the number of prototypes or logits). */
  size?: number;
  /** Why `size` is expected, for the message (e.g. "the number of prototypes"). */
  sizeReason?: string;
  /** Distortion divides by D_ij: off-diagonal entries must then be > 0. */
  positiveOffDiagonal?: boolean;
}

export interface CheckedCostMatrix {
  values: Float32Array;
  size: number;
}

interface CachedCheck {
  /** A variable's `assign` gives it new data under the same object: the check holds for this dataId only. */
  dataId: object;
  checked: CheckedCostMatrix;
  /** The first off-diagonal entry that is not > 0 (null: none), found on the first call that asks. */
  nonPositive?: number | null;
}

// Losses read D at every training step: a tensor (immutable data) is read and checked once, not K² each step.
const checkedTensors = new WeakMap<tf.Tensor, CachedCheck>();
const SYMMETRY_TOLERANCE = 1e-6;

export function readCostMatrix(fn: string, arg: string, D: unknown, rule: CostMatrixRule = {}): CheckedCostMatrix {
  const cache: Omit<CachedCheck, 'dataId'> = D instanceof tf.Tensor ? readTensor(fn, arg, D) : { checked: readArray(fn, arg, D) };
  const { checked } = cache;
  if (rule.size !== undefined && checked.size !== rule.size) {
    const reason = rule.sizeReason ? ` (${rule.sizeReason})` : '';
    throw new MgpInputError(fn, arg, `must be ${rule.size}×${rule.size}${reason}; got ${checked.size}×${checked.size}`);
  }
  if (rule.positiveOffDiagonal) {
    if (cache.nonPositive === undefined) cache.nonPositive = firstNonPositiveOffDiagonal(checked);
    if (cache.nonPositive !== null) {
      const at = cache.nonPositive;
      const [i, j] = [Math.floor(at / checked.size), at % checked.size];
      throw new MgpInputError(fn, arg, `must be > 0 off the diagonal (distinct classes need a positive cost); got D[${i}][${j}] = ${checked.values[at]}`);
    }
  }
  return checked;
}

function firstNonPositiveOffDiagonal({ values, size }: CheckedCostMatrix): number | null {
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if (i !== j && !(values[i * size + j] > 0)) return i * size + j;
  }
  return null;
}

function readTensor(fn: string, arg: string, D: tf.Tensor): CachedCheck {
  if (D.isDisposed) throw new MgpInputError(fn, arg, 'is a disposed tensor');
  const cached = checkedTensors.get(D);
  if (cached && cached.dataId === D.dataId) return cached;
  if (D.rank !== 2 || D.shape[0] !== D.shape[1]) {
    throw new MgpInputError(fn, arg, `must be a square [K, K] cost matrix; got ${describeValue(D)}`);
  }
  const entry: CachedCheck = { dataId: D.dataId, checked: checkValues(fn, arg, Float32Array.from(D.dataSync()), D.shape[0]) };
  checkedTensors.set(D, entry);
  return entry;
}

function readArray(fn: string, arg: string, D: unknown): CheckedCostMatrix {
  const shape = Array.isArray(D) ? arrayShape(D) : null;
  if (!shape || shape.length !== 2 || shape[0] !== shape[1]) {
    const got = shape ? `an array of shape ${formatShape(shape)}` : describeValue(D);
    throw new MgpInputError(fn, arg, `must be a square [K, K] cost matrix (tensor or number[][]); got ${got}`);
  }
  const size = shape[0];
  const values = new Float32Array(size * size);
  (D as unknown[][]).forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== 'number') throw new MgpInputError(fn, arg, `must hold numbers; got ${describeValue(v)} at D[${i}][${j}]`);
      values[i * size + j] = v;
    }),
  );
  return checkValues(fn, arg, values, size);
}

function checkValues(fn: string, arg: string, values: Float32Array, size: number): CheckedCostMatrix {
  if (size === 0) throw new MgpInputError(fn, arg, 'must not be empty; got a 0×0 matrix');
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const v = values[i * size + j];
      if (!Number.isFinite(v)) throw new MgpInputError(fn, arg, `must be finite; got D[${i}][${j}] = ${v}`);
      if (v < 0) throw new MgpInputError(fn, arg, `must be non-negative; got D[${i}][${j}] = ${v}`);
      if (i === j && v !== 0) throw new MgpInputError(fn, arg, `must have a zero diagonal; got D[${i}][${i}] = ${v}`);
      if (j > i) {
        const w = values[j * size + i];
        if (Math.abs(v - w) > SYMMETRY_TOLERANCE * Math.max(1, Math.abs(v), Math.abs(w))) {
          throw new MgpInputError(fn, arg, `must be symmetric; D[${i}][${j}] = ${v} but D[${j}][${i}] = ${w}`);
        }
      }
    }
  }
  return { values, size };
}
