// The matrix products an exact distortion or rank step cannot avoid, alone: the floor under those losses' time.
// Forward, the pairwise dot products P·Pᵀ: on host-memory backends only its blocks on and above the diagonal (as
// @mgp/metrics computes them there), on GPU backends the whole product. Backward, one W·P.
import * as tf from '@tensorflow/tfjs-core';
import { settle } from './step';

const HOST_MEMORY_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);
/** As @mgp/metrics' Gram blocks: 200 rows, more when that would make over 32 blocks. */
const blockRows = (k: number) => Math.max(200, Math.ceil(k / 32));

export interface LossProducts {
  run(): void;
  dispose(): void;
}

/** Every operand made in advance (transposes included, in each product's fastest form), so a run is products only. */
export function lossProducts(points: tf.Tensor2D): LossProducts {
  const [k, dim] = points.shape;
  const weights = tf.randomUniform([k, k], -1, 1, 'float32', 3) as tf.Tensor2D;
  const pairs: Array<[tf.Tensor2D, tf.Tensor2D]> = [];
  if (HOST_MEMORY_BACKENDS.has(tf.getBackend())) {
    const blocks: tf.Tensor2D[] = [];
    const rows = blockRows(k);
    for (let start = 0; start < k; start += rows) blocks.push(tf.slice(points, [start, 0], [Math.min(rows, k - start), dim]));
    const transposed = blocks.map((b) => tf.transpose(b) as tf.Tensor2D);
    for (let a = 0; a < blocks.length; a++) for (let b = a; b < blocks.length; b++) pairs.push([blocks[a], transposed[b]]);
  } else {
    pairs.push([points, tf.transpose(points) as tf.Tensor2D]);
  }
  const owned = new Set<tf.Tensor>(pairs.flat().filter((t) => t !== points));
  return {
    run: () => tf.tidy(() => settle([...pairs.map(([a, b]) => tf.matMul(a, b)), tf.matMul(weights, points)])),
    dispose: () => tf.dispose([weights, ...owned]),
  };
}
