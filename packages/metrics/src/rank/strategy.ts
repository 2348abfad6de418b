// Which path measures T triplets of K points in d dimensions: gathered rows, a loop over the triplets on the host,
// all K² distances in host memory, shader passes, or a K×K matrix of tfjs kernels. Each crossover was measured.
import * as tf from '@tensorflow/tfjs-core';
import type { Metric } from '../distances/metric';
import { tensorsInHostMemory } from '../internal/host-memory';
import { simdKernelsAvailable } from '../simd/pair-kernels';
import { rankKernelsAvailable } from '../simd/rank-kernels';
import { SHADER_RANK_MAX_TRIPLETS } from '../webgl/rank';
import { runsShaderPrograms } from '../webgl/run-program';

export type GapStrategy = 'auto' | 'rows' | 'matrix';
export type RankStrategy = GapStrategy | 'host' | 'triplets' | 'shader';
export type ResolvedStrategy = Exclude<RankStrategy, 'auto'>;

/**
 * Up to this T·d / K², the host loops over the triplets one by one (d multiply-adds per distance) rather than over
 * all K² distances (upper blocks of P·Pᵀ, then a product backward). The crossover follows the backend's product
 * speed and both loops', measured at K = 1,000, d = 128, in products: on wasm (XNNPACK), with both paths' kernels
 * (../simd), about 12 for the radial metrics (loop 1.73 against 2.01 at 10, 2.85 against 2.50 at 14) and 1.5 for the
 * cosine, whose triplet loop is JavaScript (1.50 against 2.41 at 1, 3.01 against 2.28 at 2); about 2 with neither
 * kernel module. On tfjs-cpu, whose K² path multiplies with the bundled SIMD product (../simd/gemm-kernels), in ms:
 * about 10 for the radial metrics (16.1 against 18.8 at 8, 21.8 against 18.6 at 12) and 4 for the cosine (53.0
 * against 58.3 at 4, 104 against 62 at 8); about 32 without WebAssembly SIMD, with tfjs-cpu's own products.
 * tfjs-node, unmeasured, keeps the wasm figure of the JavaScript loops.
 */
function tripletLoopMaxFill(metric: Metric): number {
  const loopKernels = metric !== 'cosine' && simdKernelsAvailable();
  const backend = tf.getBackend();
  if (backend === 'cpu') return simdKernelsAvailable() ? (metric === 'cosine' ? 4 : 10) : 32;
  if (backend !== 'wasm' || !rankKernelsAvailable()) return 2;
  return loopKernels ? 12 : 1.5;
}

/**
 * Up to this T·d / K², triplets are measured on gathered rows where the triplet loop does not run (tfjs-node, GPU
 * backends). On tfjs-webgl with the shader path, the gathers and scatter cost more than its ~1.5 products from a
 * quarter up (measured in headless Chromium at K = 1,000, d = 128: rows 223 ms, shaders 161 ms at 0.38; rows
 * 100 ms, shaders 165 ms at 0.13).
 */
function rowsMaxFill(): number {
  return runsShaderPrograms() ? 0.25 : 1;
}

/**
 * On cpu and wasm the triplet loop runs from the first triplet: at K = 1,000, d = 128 it measured faster than the
 * gathered rows at every T·d from K²/20 up (wasm with the SIMD kernels: 0.22 against 0.57 products at K²/10; tfjs-cpu:
 * 0.01 against 0.10 at K²/20; wasm with the JavaScript loops: 0.37 against 0.30 at K²/20, 0.61 against 0.70 at
 * 0.3·K²), and it holds O(K·d) memory where the rows held several [T, d] tensors (939 MiB at K = 10,000, T = 100,000).
 */
const LOOP_BACKENDS = new Set(['cpu', 'wasm']);

/**
 * Where T triplets of points [K, d] are measured. On cpu and wasm: triplet by triplet in a host loop (./host-triplets)
 * up to the backend's crossover, then through all K² distances in host memory (./kernel-loss, or
 * ../distances/host-pair-loss without WebAssembly SIMD). Elsewhere, few (see rowsMaxFill) on gathered rows; more on
 * tfjs-node by the same loop up to 2·K², then the K² path; on tfjs-webgl by the shader passes of ../webgl/rank; on
 * other GPU backends through the K×K distance matrix.
 */
export function autoStrategy([k, dim]: number[], count: number, metric: Metric): ResolvedStrategy {
  const fill = (count * dim) / (k * k);
  const loops = tensorsInHostMemory() && LOOP_BACKENDS.has(tf.getBackend());
  if (!loops && fill <= rowsMaxFill()) return 'rows';
  if (!tensorsInHostMemory()) return runsShaderPrograms() && count <= SHADER_RANK_MAX_TRIPLETS ? 'shader' : 'matrix';
  return fill <= tripletLoopMaxFill(metric) ? 'triplets' : 'host';
}
