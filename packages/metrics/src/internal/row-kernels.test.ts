// The unrolled row loops against one-term-at-a-time sums, at every remainder of d modulo 4.
import { describe, expect, it } from 'vitest';
import { addScaledDifference, rowDot, squaredDistance } from './row-kernels';

const rows = 3;
const values = (dim: number) => Float64Array.from({ length: rows * dim }, (_, n) => Math.sin(1.7 * n + 0.3) * (1 + (n % 5)));

describe('row kernels', () => {
  it.each([1, 2, 3, 4, 5, 7, 8, 13])('agree with plain loops at d = %i', (dim) => {
    const v = values(dim);
    const [a, b] = [0, 2 * dim];
    let sq = 0;
    let dot = 0;
    for (let m = 0; m < dim; m++) {
      sq += (v[a + m] - v[b + m]) ** 2;
      dot += v[a + m] * v[b + m];
    }
    expect(squaredDistance(v, a, b, dim)).toBeCloseTo(sq, 12);
    expect(rowDot(v, a, b, dim)).toBeCloseTo(dot, 12);

    const out = Float64Array.from({ length: rows * dim }, (_, n) => n);
    addScaledDifference(out, v, a, b, dim, 0.25);
    for (let m = 0; m < dim; m++) {
      const step = 0.25 * (v[a + m] - v[b + m]);
      expect(out[a + m]).toBeCloseTo(a + m + step, 12);
      expect(out[b + m]).toBeCloseTo(b + m - step, 12);
      expect(out[dim + m]).toBe(dim + m); // the row in between is untouched
    }
  });
});
