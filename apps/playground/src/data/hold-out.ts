// Splits a user's labelled examples into training and held-out rows: every fifth example of each class is held out.
import type { Split } from './dataset';

export function holdOut(x: Float32Array, labels: Int32Array, rowSize: number, every = 5): { train: Split; heldOut: Split } {
  const seen = new Map<number, number>();
  const trainRows: number[] = [];
  const heldRows: number[] = [];
  labels.forEach((label, row) => {
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    (n % every === every - 1 ? heldRows : trainRows).push(row);
  });
  const take = (rows: number[]): Split => {
    const out = new Float32Array(rows.length * rowSize);
    rows.forEach((row, i) => out.set(x.subarray(row * rowSize, (row + 1) * rowSize), i * rowSize));
    return { x: out, labels: Int32Array.from(rows, (row) => labels[row]), count: rows.length };
  };
  return { train: take(trainRows), heldOut: take(heldRows) };
}

/** Per-column (or global, for images) standardization with the training split's statistics, in place. */
export function standardize(train: Split, heldOut: Split, rowSize: number, perColumn: boolean): void {
  const columns = perColumn ? rowSize : 1;
  const mean = new Float64Array(columns);
  const sq = new Float64Array(columns);
  const n = perColumn ? train.count : train.count * rowSize;
  train.x.forEach((v, i) => {
    const c = perColumn ? i % rowSize : 0;
    mean[c] += v;
    sq[c] += v * v;
  });
  const std = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    mean[c] /= Math.max(n, 1);
    std[c] = Math.sqrt(Math.max(sq[c] / Math.max(n, 1) - mean[c] * mean[c], 0)) || 1;
  }
  for (const split of [train, heldOut]) {
    split.x.forEach((v, i) => {
      const c = perColumn ? i % rowSize : 0;
      split.x[i] = (v - mean[c]) / std[c];
    });
  }
}
