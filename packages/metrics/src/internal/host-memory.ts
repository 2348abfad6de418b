// Which backends keep tensors in host memory, so reading one back or creating one from a typed array is a memcpy.
// There a loop over a K×K matrix in JavaScript beats a chain of K×K kernels, each of which also makes a copy.
import * as tf from '@tensorflow/tfjs-core';

const HOST_MEMORY_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/** True on cpu, wasm and tfjs-node: tensors live in host memory. */
export function tensorsInHostMemory(): boolean {
  return HOST_MEMORY_BACKENDS.has(tf.getBackend());
}

/** The part of tfjs-backend-wasm's backend that exposes a tensor's values in place, in its heap. */
interface HeapBackend {
  typedArrayFromHeap(info: tf.TensorInfo): ArrayBufferView;
}

/**
 * A float32 tensor's values as a view of the backend's memory, without a copy, on tfjs-wasm; null elsewhere (use
 * dataSync there). The view is valid until the next tensor is allocated (the heap may grow) or this one disposed.
 */
export function heapView(tensor: tf.Tensor): Float32Array | null {
  if (tf.getBackend() !== 'wasm' || tensor.dtype !== 'float32') return null;
  const backend = tf.backend() as Partial<HeapBackend>;
  if (typeof backend.typedArrayFromHeap !== 'function') return null;
  const view = backend.typedArrayFromHeap({ dataId: tensor.dataId, shape: tensor.shape, dtype: tensor.dtype });
  return view instanceof Float32Array ? view : null;
}

/**
 * Whether making a tensor from a typed array copies the array into the backend's own memory: tfjs-wasm does (into
 * its heap); tfjs-cpu keeps the array itself and tfjs-node holds it until first use.
 */
export function copiesArraysIntoTensors(): boolean {
  return tf.getBackend() === 'wasm';
}
