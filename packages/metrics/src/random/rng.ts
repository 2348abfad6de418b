// A small deterministic PRNG (mulberry32), so sampled triplets and pairs are reproducible from a seed on
// every backend and platform (Math.random cannot be seeded).
import { assertNumber, describeValue, MgpInputError } from '../validation';

export interface Rng {
  /** A uniform integer in [0, 2³²). */
  nextUint32(): number;
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n), n ≤ 2³². */
  nextInt(n: number): number;
}

/** A generator seeded by an integer (taken modulo 2³²); anything else (NaN, a string, 1.5) is an MgpInputError. */
export function createRng(seed: number): Rng {
  assertNumber('createRng', 'seed', seed, { integer: true });
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const rng: Rng = {
    nextUint32,
    next: () => nextUint32() / 4294967296,
    // Multiply-and-floor keeps the bias below n / 2³², negligible for any class count.
    nextInt: (n: number) => Math.floor((nextUint32() / 4294967296) * n),
  };
  states.set(rng, { get: () => state, set: (next) => (state = next >>> 0) });
  return rng;
}

/** The state of each generator made by createRng, for draws that run the same generator elsewhere (../simd). */
const states = new WeakMap<Rng, { get(): number; set(state: number): void }>();

/** Read and write access to the state of a generator made by createRng; undefined for any other Rng. */
export function generatorState(rng: Rng): { get(): number; set(state: number): void } | undefined {
  return states.get(rng);
}

/** A seed, a generator to draw from (successive calls then get fresh draws), or nothing (a random seed). */
export type SeedLike = number | Rng | undefined;

/** Checks a SeedLike (undefined, an integer or an Rng) and names `fn`/`arg` in the error; no generator is made. */
export function assertSeedLike(fn: string, arg: string, seed: unknown): asserts seed is SeedLike {
  if (seed === undefined || isRng(seed)) return;
  if (typeof seed !== 'number') throw new MgpInputError(fn, arg, `must be an integer or an Rng; got ${describeValue(seed)}`);
  assertNumber(fn, arg, seed, { integer: true });
}

export function toRng(seed: SeedLike): Rng {
  if (seed === undefined) return createRng(Math.floor(Math.random() * 4294967296));
  return typeof seed === 'number' ? createRng(seed) : seed;
}

export function isRng(value: unknown): value is Rng {
  return typeof value === 'object' && value !== null && typeof (value as Rng).nextUint32 === 'function';
}
