import type * as tf from '@tensorflow/tfjs-core';
import type { SegmentIdsInput } from '@mgp/metrics';
import { runScatter, type ScatterOptions } from './run';

/** Maximum per segment; empty segments give -Infinity. Tied maxima share the gradient equally. */
export function scatterMax<T extends tf.Tensor>(x: T, segmentIds: SegmentIdsInput, numSegments: number, options?: ScatterOptions): T {
  return runScatter('scatterMax', 'max', x, segmentIds, numSegments, options);
}
