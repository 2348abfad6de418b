// Seeded draws of triplets on the WebAssembly kernels of ./pair-kernels.wat: the same numbers as the JavaScript loop
// of ../random/sample.ts (the same generator and arithmetic, in i32 and f64), about 5× faster.
import { borrowKernels } from './pair-kernels';

/** The generator state that the draws start from and leave behind (../random/rng.ts). */
export interface DrawState {
  get(): number;
  set(state: number): void;
}

/**
 * `count` triplets of distinct positions in [0, m), or null where the kernels cannot run: copied out of kernel
 * memory, or as views of it that the next kernel call overwrites (`scratch`).
 */
export function drawTripletsInKernels(state: DrawState, m: number, count: number, scratch = false): { i: Int32Array; j: Int32Array; k: Int32Array } | null {
  const borrowed = borrowKernels(12 * count);
  if (!borrowed) return null;
  const { kernels, base } = borrowed;
  const [a, b, c] = [base, base + 4 * count, base + 8 * count];
  state.set(kernels.drawTriplets(state.get(), m, count, a, b, c));
  const { buffer } = kernels.memory;
  const read = (offset: number) => (scratch ? new Int32Array(buffer, offset, count) : new Int32Array(buffer, offset, count).slice());
  return { i: read(a), j: read(b), k: read(c) };
}
