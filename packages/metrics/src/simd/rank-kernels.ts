// The rank loss's K² path (../rank/kernel-loss) on the WebAssembly kernels of ./rank-kernels.wat, behind a typed
// workspace: the distances and the gradient [K, K], the costs, the triplets and their order laid out in the module's
// own memory, and the passes that run over them.
import { align, keptModule, type KernelLoan } from './kernel-module';
import { gramBlockRows, type GramBlock } from '../distances/gram-blocks';
import { RANK_KERNELS_BASE64 } from './rank-kernels.binary';

interface RankKernelExports {
  memory: WebAssembly.Memory;
  mirroredDistances(matrix: number, block: number, norms: number, k: number, i0: number, i1: number, j0: number, j1: number, coef: number, root: number): void;
  groupByAnchor(a: number, b: number, c: number, s: number, n: number, k: number, starts: number, ga: number, gb: number, gc: number, gs: number): void;
  expNegative(x: number): number;
  rankTerms(d: number, g: number, k: number, a: number, b: number, c: number, costs: number, signs: number, n: number, scale: number, euclid: number, out: number): void;
  symmetrizeWeights(matrix: number, rowSums: number, k: number): void;
}

/** One call's buffers in kernel memory. Valid until the next `rankWorkspace` call, which may move or grow them. */
export interface RankWorkspace {
  readonly k: number;
  /** K×K: the distances, mirrored; the diagonal 0. */
  readonly distances: Float32Array;
  /** K×K: ∂L/∂d by `terms`, then W (symmetric, zero diagonal) by `symmetrize`. */
  readonly weights: Float32Array;
  /** K: ‖p_i‖² for the euclidean forms. */
  readonly norms: Float32Array;
  /** K: the row sums of W, filled by `symmetrize`. */
  readonly rowSums: Float64Array;
  /** T each: the triplets grouped by anchor, filled by `groupTriplets`. */
  readonly anchors: Int32Array;
  readonly seconds: Int32Array;
  readonly thirds: Int32Array;
  /** T: the sign of each grouped triplet, −1 where D_ij > D_ik, unless `terms` reads D: by `groupTriplets` or the caller. */
  readonly signs: Float32Array;
  /**
   * Copies the triplets in and groups them by anchor, increasing, each anchor's in their original order; their
   * `signs` too where given.
   */
  groupTriplets(triplets: { i: Int32Array; j: Int32Array; k: Int32Array }, signs?: Float32Array): void;
  /** Has `terms` read the signs from D [K, K] (a workspace made `withCosts`) instead of `signs`. */
  loadCosts(costs: Float32Array): void;
  /**
   * d_ij = max(n_i + n_j − coef·g_ij, 0), square-rooted when `root`, into `distances` for j > i and onto d_ji, from
   * one Gram block (copied once into kernel memory).
   */
  mirroredDistances(block: GramBlock, coef: number, root: boolean): void;
  /**
   * Adds each triplet's slope into `weights` (÷ 2d when `euclidean`) and returns Σ_t softplus(x_t) over the triplets
   * (x_t = s_t·(d_ij − d_ik)), with `scale` = ∂L/∂(that sum).
   */
  terms(scale: number, euclidean: boolean): number;
  /** W = G + Gᵀ in place of `weights`, zero diagonal, and its row sums. */
  symmetrize(): void;
  /** Lends a view of this memory (`weights`) to a reader that comes later: copied out only if a call needs it first. */
  lend(view: Float32Array): KernelLoan;
}

const rankKernels = keptModule<RankKernelExports>(RANK_KERNELS_BASE64);

/**
 * The cost matrix that the kept memory holds (at the same place for the same K): a training loop passes the same D
 * at every step, and copying it in cost as much as reading the signs. Checked costs are cached per tensor and never
 * mutated.
 */
let keptCosts: { values: WeakRef<Float32Array>; k: number } | null = null;

/** Whether this engine runs the rank kernels (WebAssembly with SIMD). */
export function rankKernelsAvailable(): boolean {
  return rankKernels.available();
}

/** How many views of the rank kernels' memory are lent out to backward passes still to come. */
export function rankKernelLoansOut(): number {
  return rankKernels.loansOut();
}

/** e^−x, x ≥ 0, as the kernels compute it (for tests of its accuracy), or null without the kernels. */
export function kernelExpNegative(x: number): number | null {
  return rankKernels.current()?.expNegative(x) ?? null;
}

/**
 * A workspace for T triplets of K classes, with room for the costs D [K, K] `withCosts` (for `loadCosts`), or null
 * where the kernels or their memory are missing.
 */
export function rankWorkspace(k: number, count: number, withCosts: boolean): RankWorkspace | null {
  const matrixBytes = 4 * k * k;
  const at = { distances: 0, weights: matrixBytes, costs: 2 * matrixBytes, norms: 0, rowSums: 0, starts: 0, a: 0, b: 0, c: 0, s: 0, ga: 0, gb: 0, gc: 0, signs: 0, out: 0, block: 0 };
  at.norms = withCosts ? 3 * matrixBytes : 2 * matrixBytes;
  at.rowSums = align(at.norms + 4 * k, 8);
  at.starts = at.rowSums + 8 * k;
  let next = at.starts + 4 * (k + 1);
  for (const key of ['a', 'b', 'c', 's', 'ga', 'gb', 'gc', 'signs'] as const) {
    at[key] = next;
    next += 4 * count;
  }
  at.out = align(next, 8);
  at.block = at.out + 24;
  const kept = rankKernels.withMemory(at.block + 4 * gramBlockRows(k) ** 2);
  if (!kept) return null;
  if (kept.fresh || !withCosts) keptCosts = null;
  return workspace(kept.exports, k, count, at);
}

type Layout = Record<'distances' | 'weights' | 'costs' | 'norms' | 'rowSums' | 'starts' | 'a' | 'b' | 'c' | 's' | 'ga' | 'gb' | 'gc' | 'signs' | 'out' | 'block', number>;

function workspace(kernels: RankKernelExports, k: number, count: number, at: Layout): RankWorkspace {
  const { buffer } = kernels.memory;
  const i32 = (offset: number) => new Int32Array(buffer, offset, count);
  const weights = new Float32Array(buffer, at.weights, k * k).fill(0);
  const distances = new Float32Array(buffer, at.distances, k * k);
  // mirroredDistances writes i ≠ j only, and the memory holds earlier calls' values: d_ii = 0 is read by triplets
  // that repeat a class.
  for (let i = 0; i < k; i++) distances[i * (k + 1)] = 0;
  const rowSums = new Float64Array(buffer, at.rowSums, k);
  const out = new Float64Array(buffer, at.out, 3);
  /** Where `terms` reads D, or 0 to read `signs`. */
  let costsAt = 0;
  return {
    k,
    distances,
    weights,
    norms: new Float32Array(buffer, at.norms, k),
    rowSums,
    anchors: i32(at.ga),
    seconds: i32(at.gb),
    thirds: i32(at.gc),
    signs: new Float32Array(buffer, at.signs, count),
    groupTriplets: (triplets, signs) => {
      i32(at.a).set(triplets.i);
      i32(at.b).set(triplets.j);
      i32(at.c).set(triplets.k);
      // The signs travel as their 32-bit patterns.
      if (signs) new Float32Array(buffer, at.s, count).set(signs);
      kernels.groupByAnchor(at.a, at.b, at.c, signs ? at.s : 0, count, k, at.starts, at.ga, at.gb, at.gc, at.signs);
    },
    loadCosts: (costs) => {
      if (keptCosts?.k !== k || keptCosts.values.deref() !== costs) {
        new Float32Array(buffer, at.costs, k * k).set(costs);
        keptCosts = { values: new WeakRef(costs), k };
      }
      costsAt = at.costs;
    },
    mirroredDistances: ({ rowStart, rows, colStart, cols, values }, coef, root) => {
      new Float32Array(buffer, at.block, rows * cols).set(values.subarray(0, rows * cols));
      kernels.mirroredDistances(at.distances, at.block, at.norms, k, rowStart, rowStart + rows, colStart, colStart + cols, coef, root ? 1 : 0);
    },
    terms: (scale, euclidean) => {
      kernels.rankTerms(at.distances, at.weights, k, at.ga, at.gb, at.gc, costsAt, at.signs, count, scale, euclidean ? 1 : 0, at.out);
      // Σ max(x, 0) + log Π (1 + e^−|x|), the product kept as 2^e·m.
      return out[0] + out[1] * Math.LN2 + Math.log(out[2]);
    },
    symmetrize: () => {
      rowSums.fill(0);
      kernels.symmetrizeWeights(at.weights, at.rowSums, k);
    },
    lend: (view) => rankKernels.lend(view),
  };
}
