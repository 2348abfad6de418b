// Registers the Mgp* kernels in tfjs's kernel registry (the webgl shader kernel for 'webgl', the typed-array
// kernel for every other backend) and their gradients. Idempotent: what is already registered is left alone.
import * as tf from '@tensorflow/tfjs-core';
import { fallbackKernelFunc } from './fallback/kernel';
import { SCATTER_GRAD_CONFIGS } from './gradients';
import { KERNEL_OF, SCATTER_OPS } from './scatter_op';
import { webglKernelFunc } from './webgl/kernel';

/** Backends that get a kernel even when not (yet) registered with the engine when this runs. */
export const KNOWN_BACKENDS = ['cpu', 'wasm', 'webgl', 'tensorflow', 'webgpu'] as const;

function registerFor(backendName: string): boolean {
  let added = false;
  for (const op of SCATTER_OPS) {
    const kernelName = KERNEL_OF[op];
    if (tf.getKernel(kernelName, backendName)) continue;
    const kernelFunc = backendName === 'webgl' ? webglKernelFunc(op) : fallbackKernelFunc(op);
    tf.registerKernel({ kernelName, backendName, kernelFunc });
    added = true;
  }
  return added;
}

/**
 * Registers the kernels for the known backends, every backend registered with the engine so far, and any
 * `extraBackends` (custom backends get the typed-array kernel); and the gradients. Returns the backends for which
 * kernels were newly registered. Importing '@mgp/scatter' calls it once.
 */
export function registerScatterKernels(extraBackends: readonly string[] = []): string[] {
  const names = new Set<string>([...KNOWN_BACKENDS, ...tf.engine().backendNames(), ...extraBackends]);
  const added = [...names].filter((name) => registerFor(name));
  for (const config of SCATTER_GRAD_CONFIGS) {
    if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
  }
  return added;
}

/** Makes sure the kernels exist for the active backend (e.g. a custom backend registered after import). */
export function ensureScatterKernels(backendName: string = tf.getBackend()): void {
  if (!tf.getKernel(KERNEL_OF.softmax, backendName) || !tf.getGradient(KERNEL_OF.softmax)) registerScatterKernels([backendName]);
}
