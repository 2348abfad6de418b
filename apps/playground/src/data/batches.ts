// Minibatches drawn without replacement within an epoch, in an order fixed by a seed.
import { createRng, type Rng } from '@mgp/metrics';

export interface BatchIndices {
  /** Rows of the training split. */
  indices: Int32Array;
  /** Their labels (a CPU copy, for methods that count classes). */
  labels: Int32Array;
}

export class BatchSampler {
  private readonly rng: Rng;
  private order: Int32Array;
  private cursor: number;

  constructor(
    private readonly labels: Int32Array,
    private readonly batchSize: number,
    seed: number,
  ) {
    if (labels.length === 0) throw new Error('BatchSampler: the training split is empty');
    this.rng = createRng(seed);
    this.order = new Int32Array(labels.length);
    this.cursor = labels.length;
  }

  next(): BatchIndices {
    const size = Math.min(this.batchSize, this.labels.length);
    const indices = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      if (this.cursor >= this.order.length) this.shuffle();
      indices[i] = this.order[this.cursor++];
    }
    return { indices, labels: Int32Array.from(indices, (row) => this.labels[row]) };
  }

  /** Fisher–Yates over all rows: a new epoch. */
  private shuffle(): void {
    for (let i = 0; i < this.order.length; i++) this.order[i] = i;
    for (let i = this.order.length - 1; i > 0; i--) {
      const j = this.rng.nextInt(i + 1);
      const t = this.order[i];
      this.order[i] = this.order[j];
      this.order[j] = t;
    }
    this.cursor = 0;
  }
}
