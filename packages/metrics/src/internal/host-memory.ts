// Which backends keep tensors in host memory, so reading one back or creating one from a typed array is a memcpy.
// There a loop over a K×K matrix in JavaScript beats a chain of K×K kernels, each of which also makes a copy.
import * as tf from '@tensorflow/tfjs-core';

const HOST_MEMORY_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/** True on cpu, wasm and tfjs-node: tensors live in host memory. */
export function tensorsInHostMemory(): boolean {
  return HOST_MEMORY_BACKENDS.has(tf.getBackend());
}
