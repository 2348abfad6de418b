// Unit tests run in Node on tfjs's cpu backend ('@tensorflow/tfjs' registers it, the gradients and the layers).
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';

export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
