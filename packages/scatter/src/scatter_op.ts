// The five reductions and their kernels, by one short name.
import {
  MgpScatterLogSumExp,
  MgpScatterMax,
  MgpScatterMean,
  MgpScatterSoftmax,
  MgpScatterSum,
  type MgpScatterKernelName,
} from './kernel_names';

export type ScatterOp = 'sum' | 'mean' | 'max' | 'logSumExp' | 'softmax';

export const SCATTER_OPS: readonly ScatterOp[] = ['sum', 'mean', 'max', 'logSumExp', 'softmax'];

export const KERNEL_OF: Readonly<Record<ScatterOp, MgpScatterKernelName>> = {
  sum: MgpScatterSum,
  mean: MgpScatterMean,
  max: MgpScatterMax,
  logSumExp: MgpScatterLogSumExp,
  softmax: MgpScatterSoftmax,
};

/** Value of an empty segment. Softmax has no empty outputs (it returns x's shape). */
export function emptyValue(op: ScatterOp): number {
  return op === 'max' || op === 'logSumExp' ? Number.NEGATIVE_INFINITY : 0;
}
