// MaxPoolGrad for wasm as one pass over the wasm heap, replacing tfjs-backend-wasm 4.22's kernel, which took a
// quarter of a training step of the figure-1 CNN (55 ms for a [256, 26, 26, 16] input, about half here).
//
// Each output cell sends its dy to the first strictly largest input of its window in row-major window order (tfjs's
// cpu rule; a window of only NaN or −∞ sends nothing). Overlapping windows add up.
import * as tf from '@tensorflow/tfjs-core';
import { checkRank4Float, checkShape } from './checks';
import type { WasmBackendLike } from './wasm-calls';

const KERNEL = 'MaxPoolGrad';

type Args = { inputs: tf.MaxPoolGradInputs; backend: WasmBackendLike; attrs: tf.MaxPoolGradAttrs };

/** The replacement for `original` (tfjs's registered kernel), which keeps any non-float32 input. */
export function heapMaxPoolGrad(original: tf.KernelFunc): tf.KernelFunc {
  const kernel = (args: Args): tf.TensorInfo => {
    const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
    if (dy.dtype !== 'float32' || input.dtype !== 'float32') return original(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
    return maxPoolGrad(args);
  };
  return kernel as unknown as tf.KernelFunc;
}

function maxPoolGrad({ inputs, backend, attrs }: Args): tf.TensorInfo {
  const dy = inputs.dy as tf.TensorInfo;
  const x = inputs.input as tf.TensorInfo;
  checkRank4Float(KERNEL, 'dy', dy);
  checkRank4Float(KERNEL, 'input', x);
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const info = tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  checkShape(KERNEL, 'dy', dy.shape, info.outShape, `the max-pool output for input [${x.shape}]`);

  const out = backend.makeOutput([...x.shape], 'float32');
  // Views are taken after makeOutput: allocating may grow (and so detach) the wasm heap.
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const dys = backend.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);

  const { batchSize, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = info;
  const { filterHeight: FH, filterWidth: FW, strideHeight: SH, strideWidth: SW } = info;
  const { top, left } = info.padInfo;
  let cell = 0;
  for (let b = 0; b < batchSize; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const row0 = oh * SH - top;
      const khFrom = Math.max(0, -row0);
      const khTo = Math.min(FH, H - row0);
      for (let ow = 0; ow < OW; ow++, cell += C) {
        const col0 = ow * SW - left;
        const kwFrom = Math.max(0, -col0);
        const kwTo = Math.min(FW, W - col0);
        for (let d = 0; d < C; d++) {
          let best = Number.NEGATIVE_INFINITY;
          let where = -1;
          for (let kh = khFrom; kh < khTo; kh++) {
            let at = ((b * H + row0 + kh) * W + col0 + kwFrom) * C + d;
            for (let kw = kwFrom; kw < kwTo; kw++, at += C) {
              const v = xs[at];
              if (v > best) {
                best = v;
                where = at;
              }
            }
          }
          if (where >= 0) dx[where] += dys[cell + d];
        }
      }
    }
  }
  return out;
}
