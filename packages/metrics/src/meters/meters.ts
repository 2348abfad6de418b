// Streaming evaluation: accumulate sums over batches on the CPU (a few numbers per batch), so a meter
// holds no tensors between calls and an epoch's result equals the metric on the concatenated batches.
import * as tf from '@tensorflow/tfjs-core';
import { readClassLabels, readIgnoreIndex, readScores, type CheckedLabels, type CheckedScores } from '../internal/classification';
import { readK } from '../cost/metrics';
import { predictionStats, topKCostSum, type HdistMode } from '../cost/stats';
import { assertDim, assertOneOf, readCostMatrix, type CostMatrixInput, type LabelsInput } from '../validation';

export interface Meter {
  /** Adds a batch: logits [N, K] or [B, H, W, K] and their labels. Reads a few numbers back (synchronous). */
  update(logits: tf.Tensor, labels: LabelsInput): void;
  /** The metric over every row seen since the last reset; NaN when it has no rows to average. */
  result(): number;
  reset(): void;
  /** Rows counted so far (ignored rows excluded). */
  readonly count: number;
}

export interface MeterOptions {
  ignoreIndex?: number;
}

abstract class SumMeter implements Meter {
  protected numerator = 0;
  protected denominator = 0;
  protected rows = 0;
  protected readonly ignoreIndex: number | undefined;

  protected constructor(
    protected readonly name: string,
    ignoreIndex: unknown,
    protected readonly cost: { values: Float32Array; size: number } | null,
  ) {
    this.ignoreIndex = readIgnoreIndex(name, ignoreIndex);
  }

  update(logits: tf.Tensor, labels: LabelsInput): void {
    const fn = `${this.name}.update`;
    const scores = readScores(fn, 'logits', logits);
    if (this.cost) assertDim(fn, 'logits', scores.logits, -1, this.cost.size, "one score per class of the meter's D");
    const y = readClassLabels(fn, labels, scores, this.ignoreIndex);
    const batch = tf.tidy(() => this.batchSums(scores, y, this.cost ? tf.tensor2d(this.cost.values, [this.cost.size, this.cost.size]) : null));
    const [numerator, denominator] = batch.dataSync();
    batch.dispose();
    // State changes only once everything above succeeded.
    this.numerator += numerator;
    this.denominator += denominator;
    this.rows += y.kept;
  }

  /** [numerator, denominator] of this batch. */
  protected abstract batchSums(scores: CheckedScores, y: CheckedLabels, cost: tf.Tensor2D | null): tf.Tensor1D;

  result(): number {
    return this.numerator / this.denominator;
  }

  reset(): void {
    this.numerator = 0;
    this.denominator = 0;
    this.rows = 0;
  }

  get count(): number {
    return this.rows;
  }
}

function readMeterCost(name: string, D: unknown) {
  const { values, size } = readCostMatrix(name, 'D', D);
  return { values: values.slice(), size };
}

/** Picks [numerator, denominator] out of predictionStats' [kept, errors, Σ cost, Σ mistake cost]. */
function pick(stats: tf.Tensor1D, numerator: number, denominator: number): tf.Tensor1D {
  return tf.gather(stats, tf.tensor1d([numerator, denominator], 'int32'));
}

/** Fraction of misclassified rows (argmax ≠ label). */
export class ErrorRateMeter extends SumMeter {
  constructor({ ignoreIndex }: MeterOptions = {}) {
    super('ErrorRateMeter', ignoreIndex, null);
  }

  protected batchSums(scores: CheckedScores, y: CheckedLabels): tf.Tensor1D {
    return pick(predictionStats(scores, y, null), 1, 0);
  }
}

/** Streaming `averageCost`: mean D[y, argmax] over all rows. */
export class AverageCostMeter extends SumMeter {
  constructor(D: CostMatrixInput, { ignoreIndex }: MeterOptions = {}) {
    super('AverageCostMeter', ignoreIndex, readMeterCost('AverageCostMeter', D));
  }

  protected batchSums(scores: CheckedScores, y: CheckedLabels, cost: tf.Tensor2D): tf.Tensor1D {
    return pick(predictionStats(scores, y, cost), 2, 0);
  }
}

/** Streaming `mistakeSeverity`: mean D[y, argmax] over the misclassified rows. */
export class MistakeSeverityMeter extends SumMeter {
  constructor(D: CostMatrixInput, { ignoreIndex }: MeterOptions = {}) {
    super('MistakeSeverityMeter', ignoreIndex, readMeterCost('MistakeSeverityMeter', D));
  }

  protected batchSums(scores: CheckedScores, y: CheckedLabels, cost: tf.Tensor2D): tf.Tensor1D {
    return pick(predictionStats(scores, y, cost), 3, 1);
  }
}

export interface HdistMeterOptions extends MeterOptions {
  mode?: HdistMode;
}

/** Streaming `hierarchicalDistanceAtK`. */
export class HierarchicalDistanceMeter extends SumMeter {
  private readonly k: number;
  private readonly mode: HdistMode;

  constructor(D: CostMatrixInput, k: number, { mode = 'avg', ignoreIndex }: HdistMeterOptions = {}) {
    const name = 'HierarchicalDistanceMeter';
    const cost = readMeterCost(name, D);
    super(name, ignoreIndex, cost);
    this.k = readK(name, k, cost.size);
    assertOneOf(name, 'options.mode', mode, ['avg', 'top'] as const);
    this.mode = mode;
  }

  protected batchSums(scores: CheckedScores, y: CheckedLabels, cost: tf.Tensor2D): tf.Tensor1D {
    return tf.stack([topKCostSum(scores, y, cost, this.k, this.mode), tf.scalar(y.kept)]) as tf.Tensor1D;
  }
}
