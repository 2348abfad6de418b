import type * as tf from '@tensorflow/tfjs-core';
import type { SegmentIdsInput } from '@mgp/metrics';
import { runScatter, type ScatterOptions } from './run';

/** Mean per segment; empty segments give 0. */
export function scatterMean<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: ScatterOptions): T {
  return runScatter('scatterMean', 'mean', x, segmentIds, numSegments, options);
}
