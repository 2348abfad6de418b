// The prototype metrics of @mgp/core and the validation of their options.
import { assertNumber, assertOneOf } from '@mgp/metrics';

/** How a logit is scored from an embedding x and a prototype p. */
export type PrototypeMetric = 'euclidean' | 'sqeuclidean' | 'cosine' | 'pseudoHuber' | 'hyperspherical';

export const PROTOTYPE_METRICS: readonly PrototypeMetric[] = ['euclidean', 'sqeuclidean', 'cosine', 'pseudoHuber', 'hyperspherical'];

export interface PrototypeMetricOptions {
  /**
   * - `'euclidean'` (default): `-‖x − p‖`
   * - `'sqeuclidean'`: `-‖x − p‖²`
   * - `'cosine'`: `-(1 − cos(x, p))`
   * - `'pseudoHuber'`: `-δ(√(1 + (‖x − p‖/δ)²) − 1)`
   * - `'hyperspherical'`: `-(1 − cos(x, p))²` (the hyperspherical prototype score)
   */
  metric?: PrototypeMetric;
  /** δ of the pseudo-Huber metric, > 0 (default 1). Ignored by the other metrics. */
  delta?: number;
}

export interface ResolvedMetric {
  metric: PrototypeMetric;
  delta: number;
}

/** Checks the metric options (before any tensor work) and fills in the defaults. */
export function resolveMetric(fn: string, options: PrototypeMetricOptions | undefined): ResolvedMetric {
  const metric = options?.metric ?? 'euclidean';
  assertOneOf(fn, 'metric', metric, PROTOTYPE_METRICS);
  const delta = options?.delta ?? 1;
  assertNumber(fn, 'delta', delta, { above: 0 });
  return { metric, delta };
}
