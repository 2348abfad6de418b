// Matrix products on host arrays with the WebAssembly SIMD kernel of ./gemm-kernels.wat: the operands laid out (and
// transposed where asked) in the kept kernel memory, padded to whole 4×8 blocks, the product copied out.
import * as tf from '@tensorflow/tfjs-core';
import { keptModule } from './kernel-module';
import { GEMM_KERNELS_BASE64 } from './gemm-kernels.binary';

interface GemmExports {
  memory: WebAssembly.Memory;
  multiply(a: number, b: number, c: number, m: number, n: number, k: number): void;
}

const gemmKernels = keptModule<GemmExports>(GEMM_KERNELS_BASE64);

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
  layOut(right, b, k, n, transposeB, cols);
  multiply(at.a, at.b, at.c, rows, cols, k);
  const product = new Float32Array(memory.buffer, at.c, rows * cols);
  if (cols === n) return product.slice(0, m * n);
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) out.set(product.subarray(i * cols, i * cols + n), i * n);
  return out;
}

/**
 * op(x) [r, c] into `into` with row stride `stride` (≥ c). The padding (rows past r, columns past c) keeps whatever
 * the memory held: it reaches only the padded rows and columns of the product, which are dropped.
 */
function layOut(into: Float32Array, x: HostMatrix, r: number, c: number, transposed: boolean, stride = c): void {
  const { values } = x;
  if (transposed) {
    // x is [c, r]: entry (i, j) of its transpose is x[j, i]. Row by row of x, so the reads stay sequential.
    for (let j = 0; j < c; j++) {
      const row = j * r;
      for (let i = 0; i < r; i++) into[i * stride + j] = values[row + i];
    }
  } else if (stride === c) {
    into.set(values.subarray(0, r * c));
  } else {
    for (let i = 0; i < r; i++) into.set(values.subarray(i * c, (i + 1) * c), i * stride);
  }
}
