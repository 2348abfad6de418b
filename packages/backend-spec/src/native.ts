import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, kernelsWithPrefix } from './activate';
import { BackendUnavailableError } from './adapter-error';
import type { BackendInfo } from './backend-info';
import { assertGradientsRegistered } from './gradients';

type NativeModule = { version?: Record<string, string> };

export interface NativeAdapter {
  /** Loads the peer and makes the native 'tensorflow' backend active. */
  useBackend(): Promise<BackendInfo>;
  /** Loads the peer without activating it: `{available: false, reason}` when it is missing or broken. */
  probe(): Promise<{ available: true } | { available: false; reason: string }>;
}

/**
 * The adapter for the native TensorFlow backend ('tensorflow') of @tensorflow/tfjs-node or -node-gpu. Both packages
 * register the same backend name; they differ in the libtensorflow their install script downloads.
 * `load` is the adapter's own `import()` of the peer, so the peer resolves from the adapter package.
 */
export function nativeAdapter(adapter: 'node' | 'node-gpu', peer: string, load: () => Promise<NativeModule>): NativeAdapter {
  const remedy =
    adapter === 'node-gpu'
      ? `Install it on Linux x64 with CUDA 11.2 and cuDNN 8.1: \`npm install ${peer}@4.22\` (its install script downloads libtensorflow with GPU support).`
      : `Install it: \`npm install ${peer}@4.22\` (its install script downloads libtensorflow).`;

  async function loadPeer(): Promise<NativeModule> {
    try {
      return await load();
    } catch (cause) {
      const text = String(cause);
      const missing = /Cannot find|ERR_MODULE_NOT_FOUND|Could not resolve|Failed to (resolve|load url)/.test(text);
      const detail = missing
        ? `the optional peer ${peer} is not installed`
        : `the optional peer ${peer} is installed but failed to load (${text.split('\n')[0]})`;
      throw new BackendUnavailableError(adapter, detail, remedy, { cause });
    }
  }

  return {
    async useBackend() {
      const native = await loadPeer();
      await activateBackend('tensorflow', remedy);
      assertGradientsRegistered(adapter);
      return {
        name: tf.getBackend(),
        tfjsVersion: tf.version_core,
        backendVersion: native.version?.['tfjs-node'] ?? native.version?.['tfjs'],
        extraKernels: kernelsWithPrefix('tensorflow', 'Mgp'),
        notes: adapter === 'node-gpu' ? ['libtensorflow logs the GPU it found at start-up.'] : [],
      };
    },
    async probe() {
      try {
        await loadPeer();
        return { available: true };
      } catch (error) {
        return { available: false, reason: (error as Error).message };
      }
    },
  };
}
