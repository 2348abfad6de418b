// The names, inputs and attributes of the Mgp* segment kernels. @mgp/scatter registers kernels under these
// names in tfjs's kernel registry; the facade in this folder runs them when they are registered for the active
// backend. The strings are a contract: changing one breaks every installed @mgp/scatter.

/** Sum of each segment's members. Empty segments give 0. Output: x's shape with `shape[axis]` = numSegments. */
export const MgpScatterSum = 'MgpScatterSum';
/** Mean of each segment's members. Empty segments give 0. Output shape as for the sum. */
export const MgpScatterMean = 'MgpScatterMean';
/** Maximum of each segment's members. Empty segments give -Infinity. Output shape as for the sum. */
export const MgpScatterMax = 'MgpScatterMax';
/**
 * log Σ exp over each segment's members, computed as m + log Σ exp(x − m) with m the segment maximum.
 * Empty segments (and segments whose members are all -Infinity) give -Infinity. Output shape as for the sum.
 */
export const MgpScatterLogSumExp = 'MgpScatterLogSumExp';
/**
 * Softmax within each segment: exp(x − logsumexp of x's segment). Output: x's shape. Members of a segment whose
 * members are all -Infinity get 0 (not NaN).
 */
export const MgpScatterSoftmax = 'MgpScatterSoftmax';

export const MGP_SCATTER_KERNEL_NAMES = [
  MgpScatterSum,
  MgpScatterMean,
  MgpScatterMax,
  MgpScatterLogSumExp,
  MgpScatterSoftmax,
] as const;

export type MgpScatterKernelName = (typeof MGP_SCATTER_KERNEL_NAMES)[number];

/**
 * Kernel inputs: `x` (float32, any rank ≥ 1) and `segmentIds` (int32, rank 1, length `x.shape[axis]`,
 * values in [0, numSegments)).
 */
export type MgpScatterInputNames = 'x' | 'segmentIds';

/**
 * Kernel attributes. `axis` is already normalized to [0, rank): the kernel reduces that axis of x, i.e. it views
 * x as [outer, x.shape[axis], inner] (outer = product of the dims before `axis`, inner = product of those after)
 * and writes [outer, numSegments, inner], reshaped back to x's rank. So axis 0 of [N, C] → [S, C]; axis 1 of
 * [N, C] → [N, S]; axis 1 of [B, N, C] → [B, S, C].
 */
export type MgpScatterAttrs = {
  numSegments: number;
  axis: number;
};
