// Matrix products on host arrays with the WebAssembly SIMD kernel of ./gemm-kernels.wat: the operands laid out (and
// transposed where asked) in the kept kernel memory, padded to whole 4×8 blocks, the product copied out.
import * as tf from '@tensorflow/tfjs-core';
import { keptModule } from './kernel-module';
import { GEMM_KERNELS_BASE64 } from './gemm-kernels.binary';
import { GEMM_KERNELS_RELAXED_BASE64 } from './gemm-kernels-relaxed.binary';

interface GemmExports {
  memory: WebAssembly.Memory;
  multiply(a: number, b: number, c: number, m: number, n: number, k: number, upper: number): void;
}

/**
 * Engines with relaxed SIMD (Chromium from 114, Node from 22) run the kernel with each multiply-add as one
 * relaxed_madd, fused where the CPU has FMA: 53–54 GFLOP/s here against 43 (Node 20 with
 * --experimental-wasm-relaxed-simd). Its rounding may then differ from one machine to another by an ulp a step.
 */
const gemmKernels = keptModule<GemmExports>(GEMM_KERNELS_RELAXED_BASE64, GEMM_KERNELS_BASE64);

/** Whether the product runs on the relaxed-SIMD kernel (for tests and benchmark notes). */
export function multipliesWithRelaxedSimd(): boolean {
  return gemmKernels.candidate() === 0;
}

/**
 * Whether the host-memory pair losses of K classes multiply with hostProduct: always on tfjs-cpu, whose products are
 * JavaScript loops (~30× slower); on tfjs-wasm over WASM_HOST_PRODUCT_CLASSES, where it saves the uploads, the
 * transposes and the copies in and out of tfjs's heap (a distortion step at K = 1,000: 1.77–1.81 products instead of
 * 2.10–2.12). At K = 2,000 both took 1.94–1.99, and beyond XNNPACK's cache blocking wins (K = 10,000: 2.06 against
 * 1.87). tfjs-node keeps its native, multi-threaded product. The caller still falls back where hostProduct returns null.
 */
export function multipliesOnHost(k: number): boolean {
  const backend = tf.getBackend();
  return backend === 'cpu' || (backend === 'wasm' && k >= WASM_HOST_PRODUCT_CLASSES[0] && k <= WASM_HOST_PRODUCT_CLASSES[1]);
}

/**
 * On tfjs-wasm, from the size where the losses' element-wise work runs as kernels too (64 classes; below, products
 * and loops take microseconds either way, and small class sets keep the rounding of tfjs's products) up to the
 * crossover with XNNPACK.
 */
const WASM_HOST_PRODUCT_CLASSES = [64, 1536] as const;

/** A row-major matrix on the host: its values and [rows, columns]. */
export interface HostMatrix {
  values: Float32Array;
  shape: [number, number];
}

export interface HostMatMulOptions {
  /** Multiply by the transpose of `a` (aᵀ·b). */
  transposeA?: boolean;
  /** Multiply by the transpose of `b` (a·bᵀ). */
  transposeB?: boolean;
}

const roundUp = (x: number, to: number) => Math.ceil(x / to) * to;

/**
 * op(a)·op(b), op the transpose where asked, as a new [m, n] row-major array; null where the engine lacks WebAssembly
 * SIMD or the memory cannot be had (the caller then multiplies with tfjs). Checks its arguments first (./host-matmul
 * is the public form); this one trusts its caller, as the losses' and the head's hot paths do.
 */
export function hostProduct(a: HostMatrix, b: HostMatrix, { transposeA = false, transposeB = false }: HostMatMulOptions = {}): Float32Array | null {
  const [m, k] = transposeA ? [a.shape[1], a.shape[0]] : a.shape;
  const n = transposeB ? b.shape[0] : b.shape[1];
  const [rows, cols] = [roundUp(m, 4), roundUp(n, 8)];
  const at = { a: 0, b: 4 * rows * k, c: 4 * (rows * k + k * cols) };
  const kept = gemmKernels.withMemory(at.c + 4 * rows * cols);
  if (!kept) return null;
  const { memory, multiply } = kept.exports;
  const left = new Float32Array(memory.buffer, at.a, rows * k);
  const right = new Float32Array(memory.buffer, at.b, k * cols);
  layOut(left, a, m, k, transposeA);
  packPanels(right, b, k, n, transposeB);
  multiply(at.a, at.b, at.c, rows, cols, k, 0);
  const product = new Float32Array(memory.buffer, at.c, rows * cols);
  if (cols === n) return product.slice(0, m * n);
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) out.set(product.subarray(i * cols, i * cols + n), i * n);
  return out;
}

/** One block of P·Pᵀ: rows [rowStart, rowStart + rows) by columns [colStart, colStart + cols), row-major. */
export type GramBlockVisit = (rowStart: number, colStart: number, rows: number, cols: number, values: Float32Array) => void;

/**
 * Visits the blocks of P·Pᵀ [K, K] on and above the diagonal, `blockRows` square (a multiple of 8 keeps every column
 * block but the last whole SIMD blocks), each a view of kernel memory valid only during the visit. Only entries
 * j ≥ i are computed: below the diagonal, the blocks on it hold whatever the memory held (skipping those 4×8 blocks
 * took the blocks at K = 1,000, d = 128 from 3.9 to 3.35–3.5 ms on Node wasm). P and Pᵀ are laid out once: a block
 * per hostProduct call transposed its operand again and copied the block out into a fresh array (15 arrays of 160 KB
 * took 1.2 ms at K = 1,000, as much as the distances read from them). False, before any visit, where hostProduct
 * would return null.
 */
export function hostUpperGramBlocks(p: HostMatrix, blockRows: number, visit: GramBlockVisit): boolean {
  const [k, dim] = p.shape;
  const [rows, cols] = [roundUp(k, 4), roundUp(k, 8)];
  const at = { p: 0, pt: 4 * rows * dim, block: 4 * (rows * dim + dim * cols) };
  const blockCols = roundUp(blockRows, 8);
  const kept = gemmKernels.withMemory(at.block + 4 * roundUp(blockRows, 4) * blockCols);
  if (!kept) return false;
  const { memory, multiply } = kept.exports;
  new Float32Array(memory.buffer, at.p, k * dim).set(p.values.subarray(0, k * dim));
  packPanels(new Float32Array(memory.buffer, at.pt, dim * cols), p, dim, k, true);
  for (let i0 = 0; i0 < k; i0 += blockRows) {
    const m = Math.min(blockRows, k - i0);
    for (let j0 = i0; j0 < k; j0 += blockRows) {
      const n = Math.min(blockRows, k - j0);
      const stride = roundUp(n, 8);
      // Columns past K read Pᵀ's padding, rows past K whatever follows P: both land in the dropped padding. j0 is a
      // multiple of 8 (or 0), so Pᵀ's columns from j0 on start a panel.
      multiply(at.p + 4 * i0 * dim, at.pt + 4 * j0 * dim, at.block, roundUp(m, 4), stride, dim, i0 === j0 ? 1 : 0);
      const block = new Float32Array(memory.buffer, at.block, m * stride);
      // The last column block may be ragged: its rows are packed n apart, as the visitors read them.
      if (stride !== n) for (let r = 1; r < m; r++) block.copyWithin(r * n, r * stride, r * stride + n);
      visit(i0, j0, m, n, block.subarray(0, m * n));
    }
  }
  return true;
}

/**
 * op(x) [r, c] into `into` as the kernel reads B: panels of 8 columns, [⌈c / 8⌉][r][8]. The last panel's columns
 * past c keep whatever the memory held, as layOut's padding.
 */
function packPanels(into: Float32Array, x: HostMatrix, r: number, c: number, transposed: boolean): void {
  const { values } = x;
  // Both loops read x in order: column col of op(x) is row col of x where transposed, else row i of x is row i.
  if (transposed) {
    for (let col = 0; col < c; col++) {
      const [from, to] = [col * r, (col >> 3) * r * 8 + (col & 7)];
      for (let i = 0; i < r; i++) into[to + i * 8] = values[from + i];
    }
  } else {
    for (let i = 0; i < r; i++) {
      const [from, to] = [i * c, i * 8];
      for (let col = 0; col < c; col++) into[to + (col >> 3) * r * 8 + (col & 7)] = values[from + col];
    }
  }
}

/** op(x) [r, c] into `into`, row-major. Rows past r (the padding to whole blocks) keep whatever the memory held. */
function layOut(into: Float32Array, x: HostMatrix, r: number, c: number, transposed: boolean): void {
  const { values } = x;
  if (!transposed) {
    into.set(values.subarray(0, r * c));
    return;
  }
  // x is [c, r]: entry (i, j) of its transpose is x[j, i]. Row by row of x, so the reads stay sequential.
  for (let j = 0; j < c; j++) {
    const row = j * r;
    for (let i = 0; i < r; i++) into[i * c + j] = values[row + i];
  }
}
