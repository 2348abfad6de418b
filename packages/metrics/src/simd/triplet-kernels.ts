// The rank loss's loops over its triplets' pairs of rows (../rank/host-triplets) on the WebAssembly SIMD kernels of
// ./pair-kernels.wat: P, the gradient and the triplets laid out in the kept kernel memory.
import { align } from './kernel-module';
import { borrowKernels } from './pair-kernels';

/** One call's buffers in kernel memory. Valid until the next workspace of either kind is made. */
export interface TripletWorkspace {
  /** [K, dim]: P's rows, filled by the caller. */
  readonly points: Float32Array;
  /** [K, dim]: ∂L/∂P, zeroed here and accumulated by addGradients. */
  readonly gradient: Float32Array;
  /** T each: the class indices i, j and k of the triplets, filled by the caller. */
  readonly anchors: Int32Array;
  readonly seconds: Int32Array;
  readonly thirds: Int32Array;
  /** T each: ‖p_i − p_j‖² and ‖p_i − p_k‖², filled by squaredDistances. */
  readonly toSecond: Float64Array;
  readonly toThird: Float64Array;
  /** T each: the coefficients c with ∂L/∂P = Σ c·∂‖p_i − p_x‖²/∂P / 2 over both pairs, filled by the caller. */
  readonly secondWeights: Float64Array;
  readonly thirdWeights: Float64Array;
  squaredDistances(): void;
  /** g_i += c·(p_i − p_x), g_x −= c·(p_i − p_x) for both pairs of every triplet. */
  addGradients(): void;
}

/** A workspace for T triplets of K points in `dim` dimensions, or null where the kernels cannot run. */
export function tripletWorkspace(k: number, dim: number, count: number): TripletWorkspace | null {
  const rowsBytes = 4 * k * dim;
  const at = { points: 0, gradient: rowsBytes, anchors: 2 * rowsBytes, seconds: 0, thirds: 0, toSecond: 0, toThird: 0, secondWeights: 0, thirdWeights: 0 };
  at.seconds = at.anchors + 4 * count;
  at.thirds = at.seconds + 4 * count;
  at.toSecond = align(at.thirds + 4 * count, 8);
  at.toThird = at.toSecond + 8 * count;
  at.secondWeights = at.toThird + 8 * count;
  at.thirdWeights = at.secondWeights + 8 * count;
  const borrowed = borrowKernels(at.thirdWeights + 8 * count);
  if (!borrowed) return null;
  const { kernels, base } = borrowed;
  for (const key of Object.keys(at) as Array<keyof typeof at>) at[key] += base;
  const { buffer } = kernels.memory;
  const f64 = (offset: number) => new Float64Array(buffer, offset, count);
  const i32 = (offset: number) => new Int32Array(buffer, offset, count);
  const gradient = new Float32Array(buffer, at.gradient, k * dim).fill(0);
  return {
    points: new Float32Array(buffer, at.points, k * dim),
    gradient,
    anchors: i32(at.anchors),
    seconds: i32(at.seconds),
    thirds: i32(at.thirds),
    toSecond: f64(at.toSecond),
    toThird: f64(at.toThird),
    secondWeights: f64(at.secondWeights),
    thirdWeights: f64(at.thirdWeights),
    squaredDistances: () => {
      kernels.rowPairSquaredDistances(at.points, dim, at.anchors, at.seconds, count, at.toSecond);
      kernels.rowPairSquaredDistances(at.points, dim, at.anchors, at.thirds, count, at.toThird);
    },
    addGradients: () => {
      kernels.addRowPairGradients(at.points, at.gradient, dim, at.anchors, at.seconds, at.secondWeights, count);
      kernels.addRowPairGradients(at.points, at.gradient, dim, at.anchors, at.thirds, at.thirdWeights, count);
    },
  };
}
