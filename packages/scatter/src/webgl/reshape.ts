// Reshape a TensorInfo on the webgl backend through the backend's own registered Reshape kernel (free for
// unpacked textures), without importing tfjs-backend-webgl. Dispose the result with disposeIntermediateTensorInfo.
import * as tf from '@tensorflow/tfjs-core';

export function reshapeInfo(backend: unknown, x: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  const reshape = tf.getKernel('Reshape', 'webgl');
  if (!reshape) throw new Error("@mgp/scatter: the webgl backend has no 'Reshape' kernel registered");
  return reshape.kernelFunc({ inputs: { x }, backend: backend as object, attrs: { shape } }) as tf.TensorInfo;
}
