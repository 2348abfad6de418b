// The kernel for backends whose data may not be readable synchronously (webgpu) and for custom backends: it runs
// @mgp/metrics's built-in path, public tfjs ops only, inside the kernel. Intermediates are freed by tf.tidy;
// the returned tensor becomes the kernel's output (the tape is off inside kernels; gradients come from the
// registered MgpScatter* gradients).
import * as tf from '@tensorflow/tfjs-core';
import { segmentLogSumExp, segmentMax, segmentMean, segmentSoftmax, segmentSum, type MgpScatterAttrs } from '@mgp/metrics';
import { KERNEL_OF, type ScatterOp } from '../scatter_op';

const BUILTIN = {
  sum: segmentSum,
  mean: segmentMean,
  max: segmentMax,
  logSumExp: segmentLogSumExp,
  softmax: segmentSoftmax,
} as const;

export function opsKernelFunc(op: ScatterOp): tf.KernelFunc {
  return ({ inputs, attrs }) => {
    const { x, segmentIds } = inputs as { x: unknown; segmentIds: unknown };
    if (!(x instanceof tf.Tensor) || !(segmentIds instanceof tf.Tensor)) {
      throw new Error(`${KERNEL_OF[op]}: this backend's kernel runs tfjs ops and needs tf.Tensor inputs (call it through tf.engine().runKernel)`);
    }
    const { numSegments, axis } = attrs as unknown as MgpScatterAttrs;
    return tf.tidy(() => BUILTIN[op](x, segmentIds, numSegments, { axis, implementation: 'builtin' }));
  };
}
