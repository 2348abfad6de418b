// The memory that the bundled WebAssembly kernels keep between calls, for users who want it back: a training loop
// calls with the same K at every step, so the kernels keep their memory (up to three K×K float32 matrices, 1.2 GB at
// K = 10,000) rather than grow it again each time, and only a far smaller call gives it up on its own.
import { keptModules } from './kernel-module';

/** Bytes of memory the kernels of @mgp/metrics hold between calls (0 until a loss or `hostMatMul` has run on them). */
export function kernelMemoryBytes(): number {
  return keptModules().reduce((sum, module) => sum + module.bytes(), 0);
}

/**
 * Lets go of the memory the kernels keep between calls, after training or between models of very different class
 * counts; returns the bytes released. Safe at any time: a gradient still to be computed from an earlier loss keeps
 * a copy of what it needs, and the next call starts the kernels afresh (recomputing what they cached, such as 1/D).
 */
export function releaseKernelMemory(): number {
  return keptModules().reduce((sum, module) => sum + module.release(), 0);
}
