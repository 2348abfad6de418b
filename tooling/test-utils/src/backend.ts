// Test backend selection: MGP_TEST_BACKEND=cpu|wasm (default cpu). '@tensorflow/tfjs' registers gradients and chained ops.
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';

export function testBackendName(): string {
  return process.env.MGP_TEST_BACKEND ?? 'cpu';
}

export async function useTestBackend(name = testBackendName()): Promise<string> {
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`test backend '${name}' failed to start`);
  await tf.ready();
  return tf.getBackend();
}
