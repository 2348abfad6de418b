// Column-wise log-sum-exp per sibling group, through @mgp/metrics' segment facade: it runs @mgp/scatter's
// MgpScatterLogSumExp kernel when one is registered for the active backend, and its built-in tfjs-ops path
// otherwise (both give the same numbers). Every sibling-group reduction of this package goes through here.
import type * as tf from '@tensorflow/tfjs-core';
import { segmentLogSumExp } from '@mgp/metrics';

/**
 * log Σ exp over the columns of each segment: x [B, C], segmentIds [C] with values in [0, numSegments)
 * (structural constants of a validated hierarchy) → [B, numSegments]. Every segment used here has a member.
 */
export function segmentLogSumExpColumns(x: tf.Tensor2D, segmentIds: Int32Array, numSegments: number): tf.Tensor2D {
  return segmentLogSumExp(x, segmentIds, numSegments, { axis: 1 });
}
