// What the page trains on: inputs already normalized, integer labels, class names in label order.

export interface Split {
  /** Row-major inputs, `count` examples of `inputSize(dataset)` values each. */
  x: Float32Array;
  labels: Int32Array;
  count: number;
}

export interface Dataset {
  /** Shown in the page. */
  name: string;
  /** 'images' feed a convolutional network; 'vectors' (CSV rows) feed a multilayer perceptron. */
  kind: 'images' | 'vectors';
  /** Shape of one example: [h, w, 1] for images, [d] for vectors. */
  inputShape: number[];
  /** Label i is classNames[i]. */
  classNames: string[];
  train: Split;
  heldOut: Split;
}

export function inputSize(dataset: Pick<Dataset, 'inputShape'>): number {
  return dataset.inputShape.reduce((a, b) => a * b, 1);
}

/** How many examples of each class a split holds. */
export function classCounts(split: Split, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const label of split.labels) counts[label] += 1;
  return counts;
}
