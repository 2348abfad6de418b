// Runs a shader program on the active tfjs-webgl backend and returns its output as a tensor of the engine.
import * as tf from '@tensorflow/tfjs-core';
import type { ShaderProgram } from './programs';

/** The part of tfjs-backend-webgl's MathBackendWebGL used here. */
interface ProgramBackend {
  runWebGLProgram(program: ShaderProgram, inputs: tf.TensorInfo[], outputDtype: tf.DataType): tf.TensorInfo;
}

/** Whether the active backend runs shader programs (tfjs-webgl on WebGL 2: the programs are GLSL ES 3.00). */
export function runsShaderPrograms(): boolean {
  return (
    tf.getBackend() === 'webgl' &&
    typeof (tf.backend() as Partial<ProgramBackend>).runWebGLProgram === 'function' &&
    tf.env().getNumber('WEBGL_VERSION') === 2
  );
}

/** The program's float32 output; tracked by the engine like any tensor (freed by an enclosing tidy). */
export function runProgram(program: ShaderProgram, inputs: tf.Tensor[]): tf.Tensor {
  const info = (tf.backend() as unknown as ProgramBackend).runWebGLProgram(program, inputs, 'float32');
  return tf.engine().makeTensorFromTensorInfo(info);
}
