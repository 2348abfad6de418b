// Starts a tfjs backend in Node through the @mgp adapters (the wasm one adds the conv training kernels wasm lacks).
import * as tf from '@tensorflow/tfjs-core';

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;

/** Activates the backend and returns what its adapter says about it. */
export async function activateNodeBackend(name: string): Promise<Record<string, unknown>> {
  await import('@tensorflow/tfjs'); // gradients, chained ops and tf.layers, as in the tests
  let info: unknown;
  if (name === 'cpu') info = await (await import('@mgp/backend-cpu')).useBackend();
  else if (name === 'wasm') info = await (await import('@mgp/backend-wasm')).useBackend();
  else throw new Error(`no Node backend '${name}'; expected one of ${NODE_BACKENDS.join(', ')}`);
  if (tf.getBackend() !== name) throw new Error(`asked for backend '${name}' but '${tf.getBackend()}' is active`);
  return { ...(info as Record<string, unknown>) };
}
