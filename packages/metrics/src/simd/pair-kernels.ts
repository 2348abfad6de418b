// The WebAssembly SIMD pair kernels (./pair-kernels.wat) behind a typed workspace: one K×K matrix, the K×K costs,
// K norms and K row sums laid out in the module's memory, and the passes that run over them.
import { align, keptModule, MAX_KERNEL_BYTES, type KernelLoan } from './kernel-module';
import { PAIR_KERNELS_BASE64 } from './pair-kernels.binary';
import { gramBlockRows, type GramBlock } from '../distances/gram-blocks';

export interface KernelExports {
  memory: WebAssembly.Memory;
  invertUpper(matrix: number, k: number): void;
  distortionDistances(
    matrix: number, block: number, norms: number, inverse: number, k: number,
    i0: number, i1: number, j0: number, j1: number, coef: number, root: number, out: number,
  ): void;
  distortionWeights(matrix: number, inverse: number, rowSums: number, k: number, s: number, f: number, euclidean: number): void;
  rowPairSquaredDistances(points: number, dim: number, a: number, b: number, n: number, out: number): void;
  addRowPairGradients(points: number, gradient: number, dim: number, a: number, b: number, coefficients: number, n: number): void;
  drawTriplets(state: number, m: number, n: number, a: number, b: number, c: number): number;
}

/** One call's buffers in kernel memory. Valid until the next `pairWorkspace` call, which may move or grow them. */
export interface PairWorkspace {
  readonly k: number;
  /** K×K: the distances (upper triangle), then W (symmetric) out. */
  readonly matrix: Float32Array;
  /** K: ‖p_i‖² for the euclidean forms. */
  readonly norms: Float32Array;
  /** K: the row sums of W, filled by `distortionWeights`. */
  readonly rowSums: Float64Array;
  /** Loads D [K, K] (its upper triangle, inverted). Skipped when it is the array loaded last time: D is unchanged. */
  loadCosts(costs: Float32Array): void;
  /**
   * d_ij = max(n_i + n_j − coef·g_ij, 0), square-rooted when `root`, into `matrix` for j > i, from one Gram block
   * (run it on each block as it arrives: one copy of the block into kernel memory, read there while in cache); adds
   * Σ a and Σ a² (a = d / D) to `distanceSums`.
   */
  distortionDistances(block: GramBlock, coef: number, root: boolean): void;
  /** Σ a and Σ a² over every pair seen by `distortionDistances` since the workspace was made. */
  distanceSums(): { sum: number; sumSquares: number };
  /**
   * W_ij = f·r/D_ij (÷ d_ij, and 0 where d_ij = 0, when `euclidean`), r = s·d_ij/D_ij − 1, in place of d and mirrored
   * (W symmetric, zero diagonal); its row sums into `rowSums`.
   */
  distortionWeights(s: number, f: number, euclidean: boolean): void;
  /** Lends a view of this memory (`matrix`) to a reader that comes later: copied out only if a call needs it first. */
  lend(view: Float32Array): KernelLoan;
}

const pairKernels = keptModule<KernelExports>(PAIR_KERNELS_BASE64);

/** The cost matrix whose inverse the kept memory holds. Checked costs are cached per tensor and never mutated. */
let keptCosts: { values: WeakRef<Float32Array>; k: number; end: number } | null = null;

/** Whether this engine runs the kernels (WebAssembly with SIMD). */
export function simdKernelsAvailable(): boolean {
  return pairKernels.available();
}

/** How many views of the pair kernels' memory are lent out to backward passes still to come. */
export function pairKernelLoansOut(): number {
  return pairKernels.loansOut();
}

/**
 * A workspace for K classes, or null where WebAssembly SIMD is missing or the memory cannot be had (the caller then
 * runs its JavaScript path).
 */
export function pairWorkspace(k: number): PairWorkspace | null {
  const matrixBytes = 4 * k * k;
  const at = { matrix: 0, inverse: matrixBytes, norms: 2 * matrixBytes, rowSums: 0, out: 0, block: 0 };
  at.rowSums = align(at.norms + 4 * k, 8);
  at.out = at.rowSums + 8 * k;
  at.block = at.out + 16;
  const kernels = keptKernels(at.block + 4 * gramBlockRows(k) ** 2, 0);
  return kernels ? workspace(kernels, k, at) : null;
}

/** The kept kernels with `bytes` of memory, the caller writing from `from` on. */
function keptKernels(bytes: number, from: number): KernelExports | null {
  const kept = pairKernels.withMemory(bytes, from);
  // A fresh instance (the kept memory was far too large) holds no inverse costs.
  if (kept?.fresh) keptCosts = null;
  return kept ? kept.exports : null;
}

/**
 * The kept kernels with `bytes` of memory from `base` on, for a layout of the caller's own (./triplet-kernels,
 * ./draw-kernels): placed after the inverse costs that a pair workspace keeps, so that a training step that draws
 * triplets does not make the next distortion step invert D again. Null where SIMD or the memory is missing.
 */
export function borrowKernels(bytes: number): { kernels: KernelExports; base: number } | null {
  const base = keptCosts ? align(keptCosts.end, 16) : 0;
  if (base + bytes > MAX_KERNEL_BYTES) return null;
  const kernels = keptKernels(base + bytes, base);
  // keptKernels starts a fresh instance (and forgets the costs) when the kept memory is far too large.
  if (!kernels) return null;
  return { kernels, base: keptCosts ? base : 0 };
}

type Layout = { matrix: number; inverse: number; norms: number; rowSums: number; out: number; block: number };

function workspace(kernels: KernelExports, k: number, at: Layout): PairWorkspace {
  const { buffer } = kernels.memory;
  const out = new Float64Array(buffer, at.out, 2).fill(0);
  const rowSums = new Float64Array(buffer, at.rowSums, k);
  return {
    k,
    matrix: new Float32Array(buffer, at.matrix, k * k),
    norms: new Float32Array(buffer, at.norms, k),
    rowSums,
    loadCosts: (costs) => {
      if (keptCosts?.k === k && keptCosts.values.deref() === costs) return;
      new Float32Array(buffer, at.inverse, k * k).set(costs);
      kernels.invertUpper(at.inverse, k);
      keptCosts = { values: new WeakRef(costs), k, end: at.inverse + 4 * k * k };
    },
    distortionDistances: ({ rowStart, rows, colStart, cols, values }, coef, root) => {
      new Float32Array(buffer, at.block, rows * cols).set(values.subarray(0, rows * cols));
      kernels.distortionDistances(at.matrix, at.block, at.norms, at.inverse, k, rowStart, rowStart + rows, colStart, colStart + cols, coef, root ? 1 : 0, at.out);
    },
    distanceSums: () => ({ sum: out[0], sumSquares: out[1] }),
    distortionWeights: (s, f, euclidean) => {
      rowSums.fill(0);
      kernels.distortionWeights(at.matrix, at.inverse, at.rowSums, k, s, f, euclidean ? 1 : 0);
    },
    lend: (view) => pairKernels.lend(view),
  };
}
