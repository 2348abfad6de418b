import type * as tf from '@tensorflow/tfjs-core';
import type { SegmentIdsInput } from '@mgp/metrics';
import { runScatter, type ScatterOptions } from './run';

/** log Σ exp per segment (stable: m + log Σ exp(x − m)); empty segments give -Infinity. */
export function scatterLogSumExp<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: ScatterOptions): T {
  return runScatter('scatterLogSumExp', 'logSumExp', x, segmentIds, numSegments, options);
}
