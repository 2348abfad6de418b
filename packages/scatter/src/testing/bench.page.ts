// The Chromium page of tooling/bench/src/scatter.bench.ts: times a segment reduction on the active backend with the
// Mgp kernel, the built-in tfjs-ops path (what runs without @mgp/scatter) and, for sums, tfjs's own
// UnsortedSegmentSum. Each run ends with `await y.data()`, so GPU work is finished inside the timed region.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { exposeTests, wasmBaseUrl } from '@mgp/browser-harness/page';
import { FACADE_OPS, KERNEL_OPS } from './checks';
import { rng } from './reference';
import type { RefOp } from './reference';

setWasmPaths(wasmBaseUrl());

export interface BenchRequest {
  backend: string;
  rows: number;
  cols: number;
  numSegments: number;
  op: RefOp;
  impl: 'kernel' | 'builtin' | 'tfjs';
  /** Also run the backward pass (gradient of the sum of the output). */
  backward?: boolean;
  warmup: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runner(req: BenchRequest, x: tf.Tensor, ids: tf.Tensor1D): () => tf.Tensor {
  const forward = (v: tf.Tensor): tf.Tensor => {
    if (req.impl === 'tfjs') return tf.unsortedSegmentSum(v, ids, req.numSegments);
    if (req.impl === 'kernel') return KERNEL_OPS[req.op](v, ids, req.numSegments);
    return FACADE_OPS[req.op](v, ids, req.numSegments, { implementation: 'builtin' });
  };
  if (!req.backward) return () => forward(x);
  return () => tf.grad((v: tf.Tensor) => tf.sum(forward(v)))(x);
}

exposeTests({
  async bench(args) {
    const req = args as BenchRequest;
    if (!(await tf.setBackend(req.backend))) throw new Error(`backend '${req.backend}' failed to start`);
    await tf.ready();
    const random = rng(req.rows + req.numSegments);
    const idValues = Int32Array.from({ length: req.rows }, () => Math.floor(random() * req.numSegments));
    const x = tf.randomNormal([req.rows, req.cols], 0, 1, 'float32', 7);
    const ids = tf.tensor1d(idValues, 'int32');
    const run = runner(req, x, ids);
    const times: number[] = [];
    const before = tf.memory().numTensors;
    for (let i = 0; i < req.warmup + req.runs; i++) {
      const start = performance.now();
      const y = run();
      await y.data();
      const ms = performance.now() - start;
      y.dispose();
      if (i >= req.warmup) times.push(ms);
    }
    const leaked = tf.memory().numTensors - before;
    tf.dispose([x, ids]);
    return { medianMs: median(times), minMs: Math.min(...times), times, leaked, backend: tf.getBackend() };
  },
  async environment() {
    await tf.setBackend('webgl');
    await tf.ready();
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return {
      userAgent: navigator.userAgent,
      renderer: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown',
      webglVersion: tf.env().getNumber('WEBGL_VERSION'),
      float32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'),
      hardwareConcurrency: navigator.hardwareConcurrency,
    };
  },
});
