import type * as tf from '@tensorflow/tfjs-core';
import type { SegmentIdsInput } from '@mgp/metrics';
import { runScatter, type ScatterOptions } from './run';

/** Softmax within each segment, x's shape; a segment whose members are all -Infinity gets zeros. */
export function scatterSoftmax<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: ScatterOptions): T {
  return runScatter('scatterSoftmax', 'softmax', x, segmentIds, numSegments, options);
}
