// Column-wise log-sum-exp per sibling group — the one place to swap for @mgp/metrics' segment facade
// (`segmentLogSumExp(x, segmentIds, numSegments, { axis: 1 })`) once @mgp/metrics exports it. Built from plain
// tfjs ops: a padded member index and one gather, so the work is O(B · numSegments · largest segment), never
// O(B · C · C).
import * as tf from '@tensorflow/tfjs-core';

/** Value of padding slots: exp(PAD - max) is exactly 0 in float32, yet PAD - PAD stays finite. */
const PAD_LOGIT = -1e30;

interface Padded {
  members: Int32Array;
  width: number;
}

const paddedCache = new WeakMap<Int32Array, Map<number, Padded>>();

/** [numSegments, width] column indices of each segment's members, padded with column `segmentIds.length`. */
function paddedMembers(segmentIds: Int32Array, numSegments: number): Padded {
  let byCount = paddedCache.get(segmentIds);
  const hit = byCount?.get(numSegments);
  if (hit) return hit;
  const counts = new Int32Array(numSegments);
  for (const s of segmentIds) counts[s]++;
  let width = 1;
  for (const n of counts) if (n > width) width = n;
  const members = new Int32Array(numSegments * width).fill(segmentIds.length);
  const fill = new Int32Array(numSegments);
  segmentIds.forEach((s, c) => (members[s * width + fill[s]++] = c));
  const padded = { members, width };
  if (!byCount) paddedCache.set(segmentIds, (byCount = new Map()));
  byCount.set(numSegments, padded);
  return padded;
}

/**
 * log Σ exp over the columns of each segment: x [B, C], segmentIds [C] with values in [0, numSegments)
 * (validated by the caller) → [B, numSegments]. Every segment used here has at least one member.
 */
export function segmentLogSumExpColumns(x: tf.Tensor2D, segmentIds: Int32Array, numSegments: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [b] = x.shape;
    const { members, width } = paddedMembers(segmentIds, numSegments);
    const padded = tf.concat([x, tf.fill([b, 1], PAD_LOGIT)], 1);
    const grouped = tf.reshape(tf.gather(padded, tf.tensor1d(members, 'int32'), 1), [b, numSegments, width]);
    return tf.logSumExp(grouped, 2) as tf.Tensor2D;
  });
}
