// Runs one kernel on a named backend from plain arrays, so the same call can be compared across backends.
import * as tf from '@tensorflow/tfjs-core';

export interface HostTensor {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype?: 'float32' | 'int32';
}

export interface KernelResult {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype: string;
}

export async function runKernelOn(
  backend: 'cpu' | 'wasm',
  kernel: string,
  inputs: Record<string, HostTensor>,
  attrs: Record<string, unknown>,
): Promise<KernelResult> {
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
  const tensors: Record<string, tf.Tensor> = {};
  for (const [name, t] of Object.entries(inputs)) tensors[name] = tf.tensor(t.values, t.shape, t.dtype ?? 'float32');
  try {
    const out = tf.engine().runKernel(kernel, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
    const result = { values: out.dataSync() as Float32Array | Int32Array, shape: out.shape, dtype: out.dtype };
    out.dispose();
    return result;
  } finally {
    for (const t of Object.values(tensors)) t.dispose();
  }
}

/** Largest absolute value, for an absolute tolerance floor proportional to the result's scale. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
}
