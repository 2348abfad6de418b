// Running the wasm backend's own registered kernels from inside our kernels, and freeing what they return.
import * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's BackendWasm our kernels use (structural, so the peer's types are not needed). */
export interface WasmBackendLike extends tf.KernelBackend {
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** Runs the kernel `name` registered for 'wasm' (e.g. its XNNPACK Conv2D); the result is ours to dispose. */
export function runWasmKernel(
  name: string,
  backend: WasmBackendLike,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) {
    throw new Error(`@mgp/backend-wasm: the wasm backend has no '${name}' kernel, which the training kernels build on`);
  }
  const out = config.kernelFunc({ inputs, attrs, backend });
  if (Array.isArray(out)) throw new Error(`@mgp/backend-wasm: the wasm kernel '${name}' returned several tensors`);
  return out;
}

/**
 * Owns the intermediate tensors of one kernel call: `keep` registers one, `release` frees all of them
 * (also when the call throws half-way), so no wasm memory is left behind.
 */
export class Intermediates {
  private readonly held: tf.TensorInfo[] = [];

  constructor(private readonly backend: WasmBackendLike) {}

  keep(info: tf.TensorInfo): tf.TensorInfo {
    this.held.push(info);
    return info;
  }

  run(name: string, inputs: tf.NamedTensorInfoMap, attrs?: tf.NamedAttrMap): tf.TensorInfo {
    return this.keep(runWasmKernel(name, this.backend, inputs, attrs));
  }

  release(): void {
    for (const info of this.held.splice(0)) this.backend.disposeData(info.dataId);
  }
}

/** Runs `body` with a fresh set of intermediates and frees them whatever happens. */
export function withIntermediates<T>(backend: WasmBackendLike, body: (tmp: Intermediates) => T): T {
  const tmp = new Intermediates(backend);
  try {
    return body(tmp);
  } finally {
    tmp.release();
  }
}

/** A float32 output of `shape` filled with zeros (for gradients no input position reaches). */
export function zerosOutput(backend: WasmBackendLike, shape: number[]): tf.TensorInfo {
  const out = backend.makeOutput(shape, 'float32');
  backend.typedArrayFromHeap(out).fill(0);
  return out;
}
