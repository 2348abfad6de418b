import type * as tf from '@tensorflow/tfjs-core';
import type { SegmentIdsInput } from '@mgp/metrics';
import { runScatter, type ScatterOptions } from './run';

/** Sum of x's slices along `axis` per segment: [.., N, ..] → [.., numSegments, ..]; empty segments give 0. */
export function scatterSum<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: ScatterOptions): T {
  return runScatter('scatterSum', 'sum', x, segmentIds, numSegments, options);
}
