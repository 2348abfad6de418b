// The five built-in forward reductions on the [outer, N, inner] view.
import * as tf from '@tensorflow/tfjs-core';
import type { SegmentLayout } from '../layout';
import { inverseCounts, segmentLogSumExp3d, segmentMax3d, segmentSoftmax3d, segmentSum3d } from './reduce';

export type SegmentOp = 'sum' | 'mean' | 'max' | 'logSumExp' | 'softmax';

export function segmentForward3d(op: SegmentOp, x: tf.Tensor3D, layout: SegmentLayout): tf.Tensor3D {
  const [outer, , inner] = x.shape;
  if (x.size === 0) {
    if (op === 'softmax') return tf.zerosLike(x);
    const empty = op === 'max' || op === 'logSumExp' ? Number.NEGATIVE_INFINITY : 0;
    return tf.fill([outer, layout.numSegments, inner], empty);
  }
  switch (op) {
    case 'sum':
      return segmentSum3d(x, layout);
    case 'mean':
      return tf.mul(segmentSum3d(x, layout), inverseCounts(layout));
    case 'max':
      return segmentMax3d(x, layout);
    case 'logSumExp':
      return segmentLogSumExp3d(x, layout);
    case 'softmax':
      return segmentSoftmax3d(x, layout);
  }
}
