// The SIMD matrix product against a float64 reference, on shapes that are not whole 4×8 blocks, with every
// transpose. The cases run in one kept memory, so each pads with what the one before left there.
import { expectClose } from '@mgp/test-utils';
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { hostUpperGramBlocks, multipliesWithRelaxedSimd, type HostMatrix } from './gemm-kernels';
import { GEMM_KERNELS_RELAXED_BASE64 } from './gemm-kernels-relaxed.binary';
import { hostMatMul } from './host-matmul';

function random(rows: number, cols: number, seed: number): HostMatrix {
  const rng = createRng(seed);
  return { values: Float32Array.from({ length: rows * cols }, () => rng.next() * 2 - 1), shape: [rows, cols] };
}

const at = ({ values, shape }: HostMatrix, i: number, j: number, transposed: boolean) =>
  transposed ? values[j * shape[1] + i] : values[i * shape[1] + j];

/** op(a)·op(b) in float64. */
function reference(a: HostMatrix, b: HostMatrix, transposeA: boolean, transposeB: boolean): Float64Array {
  const [m, k] = transposeA ? [a.shape[1], a.shape[0]] : a.shape;
  const n = transposeB ? b.shape[0] : b.shape[1];
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += at(a, i, p, transposeA) * at(b, p, j, transposeB);
      out[i * n + j] = sum;
    }
  }
  return out;
}

const CASES = [
  { m: 8, k: 16, n: 16 }, // whole blocks
  { m: 7, k: 5, n: 13 }, // row and column padding, a short inner size
  { m: 1, k: 33, n: 1 },
  { m: 37, k: 64, n: 101 },
];

describe('hostMatMul', () => {
  it.each(CASES.flatMap((c) => [false, true].flatMap((transposeA) => [false, true].map((transposeB) => ({ ...c, transposeA, transposeB })))))(
    '[$m, $k]·[$k, $n], transposeA $transposeA, transposeB $transposeB: the float64 product',
    ({ m, k, n, transposeA, transposeB }) => {
      const a = transposeA ? random(k, m, m + k) : random(m, k, m + k);
      const b = transposeB ? random(n, k, n + 7) : random(k, n, n + 7);
      const got = hostMatMul(a, b, { transposeA, transposeB }) ?? expect.unreachable('Node has WebAssembly SIMD');
      expect(got.length).toBe(m * n);
      expectClose(got, reference(a, b, transposeA, transposeB), { rtol: 1e-5, atol: 1e-5 });
    },
  );
});

describe('hostUpperGramBlocks', () => {
  // 203 rows in blocks of 48: four whole blocks and a ragged last one of 11, whose rows the kernel writes 16 apart.
  it.each([
    { k: 203, dim: 20, blockRows: 48 },
    { k: 37, dim: 9, blockRows: 37 },
  ])('visits every entry i ≤ j of P·Pᵀ once, as the float64 product (K $k, blocks of $blockRows)', ({ k, dim, blockRows }) => {
    const p = random(k, dim, k);
    const full = reference(p, p, false, true);
    const seen = new Float64Array(k * k);
    const visits = new Uint8Array(k * k);
    const visited = hostUpperGramBlocks(p, blockRows, (rowStart, colStart, rows, cols, values) => {
      expect(values.length).toBe(rows * cols);
      expect(colStart).toBeGreaterThanOrEqual(rowStart);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const at = (rowStart + r) * k + colStart + c;
          seen[at] = values[r * cols + c];
          visits[at] += 1;
        }
      }
    });
    expect(visited).toBe(true);
    for (let i = 0; i < k; i++) for (let j = i; j < k; j++) expect(visits[i * k + j]).toBe(1);
    const upper = (m: Float64Array) => Array.from({ length: k * k }, (_, at) => (at % k >= Math.floor(at / k) ? m[at] : 0));
    expectClose(upper(seen), upper(full), { rtol: 1e-5, atol: 1e-5 });
  });
});

describe('the kernel the product runs on', () => {
  // Node 20 compiles only the plain-SIMD kernel (the tests above run it); Node 22 and Chromium (webgl/shaders.test.ts)
  // the relaxed one.
  it('is the relaxed-SIMD one exactly where the engine validates it', () => {
    expect(multipliesWithRelaxedSimd()).toBe(WebAssembly.validate(Buffer.from(GEMM_KERNELS_RELAXED_BASE64, 'base64')));
  });
});
