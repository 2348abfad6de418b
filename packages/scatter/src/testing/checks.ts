// Test support, run both in Node (cpu, wasm) and in Chromium (webgl, wasm): each check returns 'equal' or a
// description of the first mismatch, so results travel as JSON from a browser page.
import * as tf from '@tensorflow/tfjs-core';
import { segmentLogSumExp, segmentMax, segmentMean, segmentSoftmax, segmentSum, type SegmentOptions } from '@mgp/metrics';
import { scatterLogSumExp, scatterMax, scatterMean, scatterSoftmax, scatterSum } from '../index';
import { caseValues } from './cases';
import { mismatch, reference, type RefCase, type RefOp } from './reference';

type Fn = (x: tf.Tensor, ids: number[] | tf.Tensor, s: number, o?: SegmentOptions) => tf.Tensor;

export const KERNEL_OPS: Record<RefOp, Fn> = {
  sum: scatterSum,
  mean: scatterMean,
  max: scatterMax,
  logSumExp: scatterLogSumExp,
  softmax: scatterSoftmax,
};

export const FACADE_OPS: Record<RefOp, Fn> = {
  sum: segmentSum,
  mean: segmentMean,
  max: segmentMax,
  logSumExp: segmentLogSumExp,
  softmax: segmentSoftmax,
};

export const OP_NAMES = Object.keys(KERNEL_OPS) as RefOp[];

export interface ForwardCheck {
  kernelVsBuiltin: string;
  kernelVsReference: string;
  /** The facade in 'auto' mode ran the Mgp kernel (seen in tf.profile). */
  autoUsedKernel: boolean;
}

export async function checkForward(op: RefOp, c: RefCase, seed: number, tol = 1e-5): Promise<ForwardCheck> {
  const values = caseValues(c, seed);
  const x = tf.tensor(values, c.shape);
  const ids = tf.tensor1d(c.ids, 'int32');
  const kernel = KERNEL_OPS[op](x, ids, c.numSegments, { axis: c.axis });
  const builtin = FACADE_OPS[op](x, ids, c.numSegments, { axis: c.axis, implementation: 'builtin' });
  const profile = await tf.profile(() => FACADE_OPS[op](x, ids, c.numSegments, { axis: c.axis }));
  const k = await kernel.data();
  const result = {
    kernelVsBuiltin: mismatch(k, await builtin.data(), tol, tol),
    kernelVsReference: mismatch(k, reference(op, values, c), tol, tol),
    autoUsedKernel: profile.kernelNames.some((name) => name.startsWith('MgpScatter')),
  };
  tf.dispose([x, ids, kernel, builtin]);
  return result;
}

export interface GradientCheck {
  kernelVsBuiltin: string;
  kernelVsFiniteDifferences: string;
}

/** Gradient of Σ w ⊙ f(x) (non-finite outputs masked) by the kernel, by the built-in path, and numerically. */
export async function checkGradient(op: RefOp, c: RefCase, seed: number, tol = 1e-5): Promise<GradientCheck> {
  const values = caseValues(c, seed);
  const ref = reference(op, values, c);
  const weights = ref.map((y, i) => (Number.isFinite(y) ? Math.cos(3 * i + 1) : 0));
  const outShape = op === 'softmax' ? c.shape : c.shape.map((d, i) => (i === c.axis ? c.numSegments : d));
  const w = tf.tensor(weights, outShape);
  const objective = (f: Fn, implementation?: 'builtin') => (x: tf.Tensor) => {
    const y = f(x, c.ids, c.numSegments, { axis: c.axis, implementation });
    return tf.sum(tf.mul(tf.where(tf.isFinite(y), y, tf.zerosLike(y)), w));
  };
  const x = tf.tensor(values, c.shape);
  const gKernel = tf.grad(objective(KERNEL_OPS[op]))(x);
  const gBuiltin = tf.grad(objective(FACADE_OPS[op], 'builtin'))(x);
  const numeric = Array.from(values, (_, i) => {
    const eps = 1e-3;
    const f = (delta: number) => {
      const v = Float64Array.from(values);
      v[i] += delta;
      return reference(op, v, c).reduce((acc, y, j) => acc + (Number.isFinite(y) ? y * weights[j] : 0), 0);
    };
    return (f(eps) - f(-eps)) / (2 * eps);
  });
  const k = await gKernel.data();
  const result = {
    kernelVsBuiltin: mismatch(k, await gBuiltin.data(), tol, tol),
    kernelVsFiniteDifferences: mismatch(k, numeric, 1e-3, 1e-3),
  };
  tf.dispose([w, x, gKernel, gBuiltin]);
  return result;
}
