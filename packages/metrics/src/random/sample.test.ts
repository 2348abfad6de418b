// The drawn pairs and triplets are a documented function of the generator's numbers: a seeded training run
// draws the same classes on every backend and in every release. Checked against a plain re-statement of the rule.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRng, samplePairs, sampleTriplets, type Rng } from '../index';

/** The k-th class of [0, m) other than those in `taken`, counted in increasing order. */
function skipTaken(drawn: number, taken: number[]): number {
  let c = drawn;
  for (const t of [...taken].sort((a, b) => a - b)) if (c >= t) c++;
  return c;
}

function referenceTriplets(numClasses: number, count: number, rng: Rng, pool: number[]): number[][] {
  const m = pool.length;
  const out: number[][] = [];
  for (let t = 0; t < count; t++) {
    const a = rng.nextInt(m);
    const b = skipTaken(rng.nextInt(m - 1), [a]);
    const c = skipTaken(rng.nextInt(m - 2), [a, b]);
    out.push([pool[a], pool[b], pool[c]]);
  }
  return out;
}

const rows = (t: { i: Int32Array; j: Int32Array; k?: Int32Array }) =>
  Array.from(t.i, (i, n) => (t.k ? [i, t.j[n], t.k[n]] : [i, t.j[n]]));

describe('sampleTriplets and samplePairs draw a fixed function of the generator', () => {
  it.each([3, 4, 10, 1000])('triplets of %i classes', (k) => {
    const classes = Array.from({ length: k }, (_, c) => c);
    expect(rows(sampleTriplets(k, 3000, 7))).toEqual(referenceTriplets(k, 3000, createRng(7), classes));
  });

  it('triplets without an ignored class map positions in the pool back to classes', () => {
    const pool = [0, 1, 3, 4, 5, 6];
    expect(rows(sampleTriplets(7, 2000, 9, { ignoreIndex: 2 }))).toEqual(referenceTriplets(7, 2000, createRng(9), pool));
  });

  it('pairs', () => {
    const rng = createRng(5);
    const expected = Array.from({ length: 3000 }, () => {
      const a = rng.nextInt(50);
      return [a, skipTaken(rng.nextInt(49), [a])];
    });
    expect(rows(samplePairs(50, 3000, 5))).toEqual(expected);
  });
});

describe('sampleTriplets draws on the WebAssembly kernels what the JavaScript loop draws', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('from a generator of createRng, call after call, leaving it where the loop leaves it', () => {
    const kernels = createRng(21); // createRng's own generator: its state goes to the kernels
    const wrapped = createRng(21);
    const loop: Rng = { nextUint32: wrapped.nextUint32, next: wrapped.next, nextInt: wrapped.nextInt }; // any other Rng
    for (const count of [1, 999, 5000]) {
      expect(rows(sampleTriplets(1000, count, kernels))).toEqual(rows(sampleTriplets(1000, count, loop)));
    }
    expect(kernels.nextUint32()).toBe(loop.nextUint32());
  });

  it('and the same without WebAssembly SIMD', async () => {
    const expected = rows(sampleTriplets(77, 4000, 3));
    vi.resetModules();
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    const fresh = await import('./sample');
    expect((await import('../simd/draw-kernels')).drawTripletsInKernels({ get: () => 3, set: () => {} }, 77, 10)).toBeNull();
    expect(rows(fresh.sampleTriplets(77, 4000, 3))).toEqual(expected);
  });
});
