import { createRng, permutation } from '../rng';

/** Images as one flat float32 array (N·H·W, one channel, already scaled to [0, 1]) and integer labels. */
export interface ImageSet {
  images: Float32Array;
  labels: Int32Array;
  count: number;
  height: number;
  width: number;
}

export interface LabelledSplit {
  train: ImageSet;
  test: ImageSet;
  numClasses: number;
  classNames: string[];
  /** Per-pixel mean and standard deviation used to standardize inputs (the seed's `Normalize`). */
  normalization: { mean: number; std: number };
}

/** Copies the rows `indices` of a set into a new set. */
export function selectRows(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const size = set.height * set.width;
  const images = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    images.set(set.images.subarray(i * size, (i + 1) * size), r * size);
    labels[r] = set.labels[i];
  }
  return { images, labels, count: indices.length, height: set.height, width: set.width };
}

/**
 * Keeps exactly `limit` rows with the class proportions of the full set (a stratified subsample, quotas by
 * largest remainder), drawn with a seed, so a quick run still sees every class in the right measure.
 */
export function stratifiedSubsample(set: ImageSet, limit: number, numClasses: number, seed: number): ImageSet {
  if (limit >= set.count) return set;
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < set.count; i++) byClass[set.labels[i]].push(i);
  const exact = byClass.map((rows) => (rows.length / set.count) * limit);
  const quota = exact.map(Math.floor);
  const byRemainder = exact.map((e, c) => ({ c, r: e - quota[c] })).sort((a, b) => b.r - a.r || a.c - b.c);
  const missing = limit - quota.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) quota[byRemainder[k].c]++;
  const rng = createRng(seed);
  const chosen: number[] = [];
  byClass.forEach((rows, c) => {
    const order = permutation(rows.length, rng);
    for (let k = 0; k < quota[c]; k++) chosen.push(rows[order[k]]);
  });
  chosen.sort((a, b) => a - b);
  return selectRows(set, chosen);
}

/** Number of rows of each class. */
export function classCounts(labels: Int32Array, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const y of labels) counts[y]++;
  return counts;
}
