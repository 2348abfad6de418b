// dy of a strided convolution, spread back onto the input grid: what both backprop-input kernels convolve.
import type * as tf from '@tensorflow/tfjs-core';
import { type AxisPlan, needsCrop } from './conv-geometry';
import type { Intermediates, WasmBackendLike } from './wasm-calls';

/**
 * dy with stride − 1 zero rows/columns between its own, cropped as planned. Stride 1 without crop is dy itself;
 * stride 1 with crop is a Slice; otherwise one pass over the wasm heap writes the spread copy.
 */
export function spreadAndCrop(
  tmp: Intermediates,
  backend: WasmBackendLike,
  dy: tf.TensorInfo,
  strideH: number,
  strideW: number,
  rows: AxisPlan,
  cols: AxisPlan,
): tf.TensorInfo {
  const [batch, outH, outW, depth] = dy.shape;
  if (strideH === 1 && strideW === 1) {
    if (!needsCrop(rows) && !needsCrop(cols)) return dy;
    return tmp.run('Slice', { x: dy }, { begin: [0, rows.cropStart, cols.cropStart, 0], size: [batch, rows.keptLength, cols.keptLength, depth] });
  }
  const out = tmp.keep(backend.makeOutput([batch, rows.keptLength, cols.keptLength, depth], 'float32'));
  // Views are taken after makeOutput: allocating may grow (and so detach) the wasm heap.
  const dst = backend.typedArrayFromHeap(out);
  const src = backend.typedArrayFromHeap(dy);
  dst.fill(0);
  const dstRow = cols.keptLength * depth;
  const dstImage = rows.keptLength * dstRow;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      const r = oh * strideH - rows.cropStart;
      if (r < 0 || r >= rows.keptLength) continue;
      for (let ow = 0; ow < outW; ow++) {
        const c = ow * strideW - cols.cropStart;
        if (c < 0 || c >= cols.keptLength) continue;
        const from = ((b * outH + oh) * outW + ow) * depth;
        dst.set(src.subarray(from, from + depth), b * dstImage + r * dstRow + c * depth);
      }
    }
  }
  return out;
}
