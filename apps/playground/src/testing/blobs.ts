// A small labelled dataset for tests: K well-separated Gaussian blobs in d dimensions.
import { createRng } from '@mgp/metrics';
import type { Dataset, Split } from '../data/dataset';

export function blobs(k: number, d: number, perClass: number, seed = 1): Dataset {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const centers = Array.from({ length: k }, (_, c) => Array.from({ length: d }, (_, j) => (j === c % d ? 4 : 0) + (c >= d ? -4 : 0)));
  const make = (n: number): Split => {
    const x = new Float32Array(k * n * d);
    const labels = new Int32Array(k * n);
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < n; i++) {
        const row = c * n + i;
        labels[row] = c;
        for (let j = 0; j < d; j++) x[row * d + j] = centers[c][j] + 0.5 * normal();
      }
    }
    return { x, labels, count: k * n };
  };
  return {
    name: 'blobs',
    kind: 'vectors',
    inputShape: [d],
    classNames: Array.from({ length: k }, (_, c) => `c${c}`),
    train: make(perClass),
    heldOut: make(Math.max(2, Math.floor(perClass / 2))),
  };
}
