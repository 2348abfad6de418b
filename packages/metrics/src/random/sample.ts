// Uniform draws of class pairs and triplets in typed arrays: O(n) with no per-draw permutation,
// reproducible from a seed.
import { assertNumber, MgpInputError } from '../validation';
import { drawTripletsInKernels } from '../simd/draw-kernels';
import { assertSeedLike, generatorState, toRng, type Rng, type SeedLike } from './rng';

export interface ClassPairs {
  i: Int32Array;
  j: Int32Array;
}

export interface ClassTriplets {
  i: Int32Array;
  j: Int32Array;
  k: Int32Array;
}

interface SampleNames {
  /** Function named in errors (callers that sample for their own arguments pass theirs). */
  fn?: string;
  /** Argument named for a bad count. */
  arg?: string;
  /** Argument named for a bad or too small number of classes (default 'numClasses'). */
  classesArg?: string;
}

/** Classes [0, K) without `ignoreIndex`, or null when none is left out. */
function classPool(fn: string, classesArg: string, numClasses: number, ignoreIndex: number | undefined, needed: number): Int32Array | null {
  const skip = ignoreIndex !== undefined && ignoreIndex >= 0 && ignoreIndex < numClasses;
  const available = numClasses - (skip ? 1 : 0);
  if (available < needed) {
    const without = skip ? ` (${numClasses} without ignoreIndex ${ignoreIndex})` : '';
    throw new MgpInputError(fn, classesArg, `must give at least ${needed} classes to draw from; got ${available}${without}`);
  }
  if (!skip) return null;
  const pool = new Int32Array(available);
  for (let c = 0, n = 0; c < numClasses; c++) if (c !== ignoreIndex) pool[n++] = c;
  return pool;
}

/** `count` ordered pairs (i, j), i ≠ j, uniform over the K² − K off-diagonal pairs. */
export function samplePairs(
  numClasses: number,
  count: number,
  seed?: SeedLike,
  { fn = 'samplePairs', arg = 'count', classesArg = 'numClasses' }: SampleNames = {},
): ClassPairs {
  assertNumber(fn, classesArg, numClasses, { integer: true });
  assertNumber(fn, arg, count, { integer: true, min: 1 });
  assertSeedLike(fn, 'seed', seed);
  classPool(fn, classesArg, numClasses, undefined, 2);
  const rng = toRng(seed);
  const i = new Int32Array(count);
  const j = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    const a = rng.nextInt(numClasses);
    const b = rng.nextInt(numClasses - 1);
    i[t] = a;
    j[t] = b + ((a - b - 1) >>> 31); // skip a (branch-free: +1 when b ≥ a): uniform over the other K − 1 classes
  }
  return { i, j };
}

/** `count` triplets of distinct positions in [0, m), drawn in JavaScript (any Rng). */
function drawTriplets(rng: Rng, m: number, count: number): ClassTriplets {
  const i = new Int32Array(count);
  const j = new Int32Array(count);
  const k = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    // Each draw skips the classes already drawn, smaller first, so it is uniform over the rest. The skips are
    // branch-free ((x − y − 1) >>> 31 is 1 when y ≥ x, for indices below 2³¹ as Int32Array holds them): as
    // branches they mispredict half the time, which made sampling take twice as long.
    const a = rng.nextInt(m);
    let b = rng.nextInt(m - 1);
    b += (a - b - 1) >>> 31;
    let c = rng.nextInt(m - 2);
    c += (Math.min(a, b) - c - 1) >>> 31;
    c += (Math.max(a, b) - c - 1) >>> 31;
    i[t] = a;
    j[t] = b;
    k[t] = c;
  }
  return { i, j, k };
}

/**
 * `count` triplets of three distinct classes (i, j, k), uniform over the ordered triplets of the classes
 * other than `ignoreIndex` (as the seed's `randperm(K)[:3]`, without building a permutation per draw).
 */
export function sampleTriplets(
  numClasses: number,
  count: number,
  seed?: SeedLike,
  options: { ignoreIndex?: number } & SampleNames = {},
): ClassTriplets {
  return drawClassTriplets(numClasses, count, seed, options, false);
}

/**
 * sampleTriplets; with `scratch`, the triplets may be views of kernel memory that the next kernel call overwrites,
 * for a caller that copies them at once (copying 3·T integers out of kernel memory into fresh arrays took 2 ms at
 * T = 250,000, more than the draws themselves).
 */
export function drawClassTriplets(
  numClasses: number,
  count: number,
  seed: SeedLike | undefined,
  { ignoreIndex, fn = 'sampleTriplets', arg = 'count', classesArg = 'numClasses' }: { ignoreIndex?: number } & SampleNames,
  scratch: boolean,
): ClassTriplets {
  assertNumber(fn, classesArg, numClasses, { integer: true });
  assertNumber(fn, arg, count, { integer: true, min: 1 });
  assertSeedLike(fn, 'seed', seed);
  if (ignoreIndex !== undefined) assertNumber(fn, 'ignoreIndex', ignoreIndex, { integer: true });
  const pool = classPool(fn, classesArg, numClasses, ignoreIndex, 3);
  const m = pool ? pool.length : numClasses;
  const rng = toRng(seed);
  const state = generatorState(rng);
  const { i, j, k } = (state && drawTripletsInKernels(state, m, count, scratch)) ?? drawTriplets(rng, m, count);
  // Positions in the pool back to class indices (a separate pass keeps the draw loop free of the check).
  if (pool) for (const drawn of [i, j, k]) for (let t = 0; t < count; t++) drawn[t] = pool[drawn[t]];
  return { i, j, k };
}
