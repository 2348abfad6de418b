/**
 * A small seeded PRNG (mulberry32). Shuffles and subsamples must be reproducible from `--seed`, and
 * Math.random cannot be seeded.
 */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0..n-1 with the given generator. */
export function permutation(n: number, rng: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/** Derives independent integer seeds (for layer initializers) from one run seed. */
export function deriveSeed(seed: number, stream: number): number {
  const rng = createRng((seed * 1000003 + stream * 7919) >>> 0);
  return Math.floor(rng() * 2 ** 31);
}
