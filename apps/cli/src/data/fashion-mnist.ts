import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors';
import type { ImageSet, LabelledSplit } from './dataset';
import { parseIdx } from './idx';

/** Where Debian's `dataset-fashion-mnist` installs the files. */
export const DEFAULT_FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';
/** Fashion-MNIST training-set pixel statistics (on [0, 1]). */
const FASHION_NORMALIZATION = { mean: 0.2860406, std: 0.3530242 };

export const FASHION_CLASSES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

const FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};

/** Reads the full Fashion-MNIST (60,000 train, 10,000 test) from `dir`, or says how to install it. */
export function loadFashionMnist(dir = process.env.MGP_FASHION_MNIST_DIR ?? DEFAULT_FASHION_MNIST_DIR): LabelledSplit {
  const missing = Object.values(FILES).filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) {
    throw new CliError(
      `Fashion-MNIST not found: ${missing.map((f) => join(dir, f)).join(', ')} missing.\n` +
        'Install it with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), or point `--data-dir` ' +
        '(or MGP_FASHION_MNIST_DIR) at a folder holding the four *-ubyte.gz files.',
      1,
    );
  }
  return {
    train: readSet(dir, FILES.trainImages, FILES.trainLabels),
    test: readSet(dir, FILES.testImages, FILES.testLabels),
    numClasses: 10,
    classNames: FASHION_CLASSES,
    normalization: FASHION_NORMALIZATION,
  };
}

function readSet(dir: string, imagesFile: string, labelsFile: string): ImageSet {
  const images = parseIdx(readFileSync(join(dir, imagesFile)), imagesFile);
  const labels = parseIdx(readFileSync(join(dir, labelsFile)), labelsFile);
  if (images.dims.length !== 3 || labels.dims.length !== 1 || images.dims[0] !== labels.dims[0]) {
    throw new CliError(
      `${dir}: ${imagesFile} (${images.dims.join('×')}) and ${labelsFile} (${labels.dims.join('×')}) do not match`,
      1,
    );
  }
  const [count, height, width] = images.dims;
  const scaled = new Float32Array(images.data.length);
  for (let i = 0; i < scaled.length; i++) scaled[i] = images.data[i] / 255;
  return { images: scaled, labels: Int32Array.from(labels.data), count, height, width };
}
