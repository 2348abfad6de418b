import * as tf from '@tensorflow/tfjs-core';
import { BackendUnavailableError } from './adapter-error';

/** Makes `name` the active backend and waits until it is ready; a clear error when it does not start. */
export async function activateBackend(name: string, remedy: string): Promise<void> {
  if (tf.findBackendFactory(name) === null && tf.findBackend(name) === null) {
    throw new BackendUnavailableError(name, `the tfjs backend '${name}' is not registered`, remedy);
  }
  let started = false;
  try {
    started = await tf.setBackend(name);
    await tf.ready();
  } catch (cause) {
    throw new BackendUnavailableError(name, `the tfjs backend '${name}' failed to start (${String(cause)})`, remedy, { cause });
  }
  if (!started || tf.getBackend() !== name) {
    throw new BackendUnavailableError(name, `the tfjs backend '${name}' failed to initialize`, remedy);
  }
}

/** Names of registered kernels for a backend that start with a prefix (e.g. 'Mgp'). */
export function kernelsWithPrefix(backend: string, prefix: string): string[] {
  return tf
    .getKernelsForBackend(backend)
    .map((k) => k.kernelName)
    .filter((n) => n.startsWith(prefix))
    .sort();
}
