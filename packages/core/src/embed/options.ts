// Validation of the options shared by embedMetric and embedOnSphere.
import { assertNumber, MgpInputError } from '@mgp/metrics';
import type { EmbedProgress } from './sgd';

export interface CommonEmbedOptions {
  /** SGD steps per restart (default 1000, as the seed). */
  steps?: number;
  /** SGD learning rate (momentum 0.9 and weight decay 1e-4 as the seed); the default depends on the loss. */
  learningRate?: number;
  /** Seed of the start points and of the drawn triplets: the same seed gives the same prototypes. Default random. */
  seed?: number;
  /** Triplets drawn per step by the rank loss (default 1000, as the seed). */
  numTriplets?: number;
  /** Independent runs from different starts; the one whose result fits D best is returned (default 1). */
  restarts?: number;
  /** Called every `progressEvery` steps (and at the last) with the step's loss. */
  onProgress?: (progress: EmbedProgress) => void;
  /** Steps between `onProgress` calls (default steps / 100, at least 1). */
  progressEvery?: number;
}

export interface ResolvedCommon {
  steps: number;
  learningRate: number | undefined;
  seed: number;
  numTriplets: number;
  restarts: number;
  onProgress: ((progress: EmbedProgress) => void) | undefined;
  progressEvery: number;
}

export function resolveCommon(fn: string, dim: unknown, options: unknown): ResolvedCommon & { dim: number } {
  if (options === null || typeof options !== 'object') throw new MgpInputError(fn, 'options', 'must be an object');
  const o = options as CommonEmbedOptions;
  assertNumber(fn, 'dim', dim, { integer: true, min: 1 });
  const steps = o.steps ?? 1000;
  assertNumber(fn, 'options.steps', steps, { integer: true, min: 1 });
  if (o.learningRate !== undefined) assertNumber(fn, 'options.learningRate', o.learningRate, { above: 0 });
  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 32);
  assertNumber(fn, 'options.seed', seed, { integer: true });
  const numTriplets = o.numTriplets ?? 1000;
  assertNumber(fn, 'options.numTriplets', numTriplets, { integer: true, min: 1 });
  const restarts = o.restarts ?? 1;
  assertNumber(fn, 'options.restarts', restarts, { integer: true, min: 1 });
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new MgpInputError(fn, 'options.onProgress', `must be a function; got ${typeof o.onProgress}`);
  }
  const progressEvery = o.progressEvery ?? Math.max(1, Math.floor(steps / 100));
  assertNumber(fn, 'options.progressEvery', progressEvery, { integer: true, min: 1 });
  return { dim, steps, learningRate: o.learningRate, seed, numTriplets, restarts, onProgress: o.onProgress, progressEvery };
}
