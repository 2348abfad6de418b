// Structural types for the parts of tfjs-backend-webgl's MathBackendWebGL and GPGPUProgram used here, so this
// package never imports @tensorflow/tfjs-backend-webgl (its kernel receives the backend in kernelFunc).
import type * as tf from '@tensorflow/tfjs-core';

/** Same shape as tfjs-backend-webgl's GPGPUProgram (the fields used here). */
export interface GpgpuProgramLike {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  customUniforms?: Array<{ name: string; type: 'float' | 'int' | 'vec2' | 'vec3' | 'vec4' | 'ivec2' | 'ivec3' | 'ivec4' }>;
}

export interface WebGLBackendLike {
  runWebGLProgram(program: GpgpuProgramLike, inputs: tf.TensorInfo[], outputDtype: tf.DataType, customUniformValues?: number[][]): tf.TensorInfo;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.TypedArray): tf.TensorInfo;
  disposeIntermediateTensorInfo(tensorInfo: tf.TensorInfo): void;
  readSync(dataId: tf.DataId): unknown;
}

export function asWebGLBackend(backend: unknown): WebGLBackendLike {
  const b = backend as Partial<WebGLBackendLike> | null;
  if (!b || typeof b.runWebGLProgram !== 'function' || typeof b.makeTensorInfo !== 'function') {
    throw new Error('@mgp/scatter: the webgl kernel ran on a backend without runWebGLProgram; register the fallback kernel for it instead');
  }
  return b as WebGLBackendLike;
}
