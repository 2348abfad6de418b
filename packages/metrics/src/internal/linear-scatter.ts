// Which backends scatter in time linear in the updates. tfjs's webgl (and webgpu) ScatterNd / TensorScatterUpdate
// shader visits every update for each output element, O(outputs · updates), so GPU paths avoid scatters.
import * as tf from '@tensorflow/tfjs-core';

const LINEAR_SCATTER_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/** True when the active backend's ScatterNd visits each update once (cpu, wasm, tfjs-node). */
export function hasLinearScatter(): boolean {
  return LINEAR_SCATTER_BACKENDS.has(tf.getBackend());
}
