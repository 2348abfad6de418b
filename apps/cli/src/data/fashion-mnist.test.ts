import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../errors';
import { classCounts } from './dataset';
import { DEFAULT_FASHION_MNIST_DIR, loadFashionMnist } from './fashion-mnist';

const installed = existsSync(join(DEFAULT_FASHION_MNIST_DIR, 't10k-labels-idx1-ubyte.gz'));
if (!installed) console.warn(`Fashion-MNIST tests skipped: ${DEFAULT_FASHION_MNIST_DIR} is missing (apt-get install dataset-fashion-mnist)`);

describe('loadFashionMnist', () => {
  it('says how to install the data when the folder is missing', () => {
    let error: unknown;
    try {
      loadFashionMnist('/nonexistent/fashion');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(/apt-get install dataset-fashion-mnist/);
    expect((error as Error).message).toMatch(/\/nonexistent\/fashion\/train-images-idx3-ubyte\.gz/);
  });

  it.skipIf(!installed)('reads 60,000 + 10,000 images of 28×28, 6,000 + 1,000 per class, pixels in [0, 1]', () => {
    const split = loadFashionMnist();
    expect(split.train.count).toBe(60000);
    expect(split.test.count).toBe(10000);
    expect(classCounts(split.train.labels, 10)).toEqual(new Array(10).fill(6000));
    expect(classCounts(split.test.labels, 10)).toEqual(new Array(10).fill(1000));
    expect([split.train.height, split.train.width]).toEqual([28, 28]);
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of split.test.images) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
    // The known Fashion-MNIST mean pixel (≈ 0.286) tells that bytes were read in the right order.
    expect(sum / split.test.images.length).toBeCloseTo(0.286, 2);
  });
});
