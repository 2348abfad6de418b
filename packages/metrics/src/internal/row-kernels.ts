// Loops over two rows of a row-major [K, d] array, unrolled by four with independent partial sums: V8 does not
// vectorise, and one running sum chains every add on the last one (about twice as slow at d = 128).

type Rows = Float32Array | Float64Array;

/** ‖v_a − v_b‖² for the rows that start at offsets a and b. */
export function squaredDistance(v: Rows, a: number, b: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let m = 0;
  for (const end = dim - 3; m < end; m += 4) {
    const d0 = v[a + m] - v[b + m];
    const d1 = v[a + m + 1] - v[b + m + 1];
    const d2 = v[a + m + 2] - v[b + m + 2];
    const d3 = v[a + m + 3] - v[b + m + 3];
    s0 += d0 * d0;
    s1 += d1 * d1;
    s2 += d2 * d2;
    s3 += d3 * d3;
  }
  for (; m < dim; m++) {
    const d = v[a + m] - v[b + m];
    s0 += d * d;
  }
  return s0 + s1 + (s2 + s3);
}

/** v_a · v_b for the rows that start at offsets a and b. */
export function rowDot(v: Rows, a: number, b: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let m = 0;
  for (const end = dim - 3; m < end; m += 4) {
    s0 += v[a + m] * v[b + m];
    s1 += v[a + m + 1] * v[b + m + 1];
    s2 += v[a + m + 2] * v[b + m + 2];
    s3 += v[a + m + 3] * v[b + m + 3];
  }
  for (; m < dim; m++) s0 += v[a + m] * v[b + m];
  return s0 + s1 + (s2 + s3);
}

/** out_a += g·(v_a − v_b) and out_b −= g·(v_a − v_b), for rows a ≠ b (they must not overlap). */
export function addScaledDifference(out: Float64Array, v: Rows, a: number, b: number, dim: number, g: number): void {
  let m = 0;
  for (const end = dim - 3; m < end; m += 4) {
    const s0 = g * (v[a + m] - v[b + m]);
    const s1 = g * (v[a + m + 1] - v[b + m + 1]);
    const s2 = g * (v[a + m + 2] - v[b + m + 2]);
    const s3 = g * (v[a + m + 3] - v[b + m + 3]);
    out[a + m] += s0;
    out[a + m + 1] += s1;
    out[a + m + 2] += s2;
    out[a + m + 3] += s3;
    out[b + m] -= s0;
    out[b + m + 1] -= s1;
    out[b + m + 2] -= s2;
    out[b + m + 3] -= s3;
  }
  for (; m < dim; m++) {
    const s = g * (v[a + m] - v[b + m]);
    out[a + m] += s;
    out[b + m] -= s;
  }
}
