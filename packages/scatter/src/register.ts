// Registers the Mgp* kernels in tfjs's kernel registry and their gradients. Idempotent: what is already
// registered is left alone. Which kernel a backend gets:
//   'webgl'                          the GPGPU shader kernel (src/webgl)
//   'cpu', 'wasm', 'tensorflow'      the typed-array kernel (src/fallback/kernel.ts; their data reads synchronously)
//   'webgpu' and any other backend   the tfjs-ops kernel (src/fallback/ops_kernel.ts; webgpu cannot read GPU data
//                                    synchronously, and a custom backend's abilities are unknown)
import * as tf from '@tensorflow/tfjs-core';
import { fallbackKernelFunc } from './fallback/kernel';
import { opsKernelFunc } from './fallback/ops_kernel';
import { SCATTER_GRAD_CONFIGS } from './gradients';
import { KERNEL_OF, SCATTER_OPS, type ScatterOp } from './scatter_op';
import { webglKernelFunc } from './webgl/kernel';

/** Backends that get a kernel even when not (yet) registered with the engine when this runs. */
export const KNOWN_BACKENDS = ['cpu', 'wasm', 'webgl', 'tensorflow', 'webgpu'] as const;

const TYPED_ARRAY_BACKENDS: readonly string[] = ['cpu', 'wasm', 'tensorflow'];

function kernelFuncFor(backendName: string, op: ScatterOp): tf.KernelFunc {
  if (backendName === 'webgl') return webglKernelFunc(op);
  if (TYPED_ARRAY_BACKENDS.includes(backendName)) return fallbackKernelFunc(op);
  return opsKernelFunc(op);
}

function registerFor(backendName: string): boolean {
  let added = false;
  for (const op of SCATTER_OPS) {
    const kernelName = KERNEL_OF[op];
    if (tf.getKernel(kernelName, backendName)) continue;
    tf.registerKernel({ kernelName, backendName, kernelFunc: kernelFuncFor(backendName, op) });
    added = true;
  }
  return added;
}

/**
 * Registers the kernels for the known backends, every backend registered with the engine so far, and any
 * `extraBackends` (custom backends get the tfjs-ops kernel); and the gradients. Returns the backends for which
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
