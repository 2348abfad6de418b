// DepthwiseConv2dNativeBackpropFilter for wasm, as one XNNPACK depthwise convolution of the wasm backend.
//
// dW[kh,kw,c,q] = Σ_{b,oh,ow} x[b, oh·sh + kh·dh − top, ow·sw + kw·dw − left, c] · dy[b,oh,ow,c·M+q].
// With (b, c) folded into one channel axis, x becomes a single image [1, H, W, b·C] and dy a depthwise filter
// [OH, OW, b·C, M]: each channel is convolved with its own filter, the output pixels are the taps (kh, kw), the
// stride is the forward dilation and the dilation is the forward stride. The per-batch partial filters
// [KH, KW, b, C·M] are then summed over b.
import * as tf from '@tensorflow/tfjs-core';
import { checkFilterShape, checkRank4Float, checkShape } from './checks';
import { explicitPads, needsCrop, planAxis } from './conv-geometry';
import { type WasmBackendLike, runWasmKernel, withIntermediates, zerosOutput } from './wasm-calls';

const KERNEL = 'DepthwiseConv2dNativeBackpropFilter';

export function depthwiseConv2dNativeBackpropFilter(args: {
  inputs: tf.DepthwiseConv2dNativeBackpropFilterInputs;
  backend: WasmBackendLike;
  attrs: tf.DepthwiseConv2dNativeBackpropFilterAttrs;
}): tf.TensorInfo {
  const { backend } = args;
  const x = args.inputs.x as tf.TensorInfo;
  const dy = args.inputs.dy as tf.TensorInfo;
  const { strides, pad, dimRoundingMode, filterShape } = args.attrs;
  const dilations = args.attrs.dilations ?? 1;

  checkRank4Float(KERNEL, 'x', x);
  checkRank4Float(KERNEL, 'dy', dy);
  checkFilterShape(KERNEL, 'filterShape', filterShape);
  if (x.shape[3] !== filterShape[2]) {
    throw new Error(`${KERNEL}: x has ${x.shape[3]} channels but filterShape [${filterShape}] expects ${filterShape[2]}`);
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  checkShape(KERNEL, 'dy', dy.shape, info.outShape, `the depthwise convolution output for x [${x.shape}] and filter [${filterShape}]`);

  const [batch, , , channels] = x.shape;
  const multiplier = filterShape[3];
  const rows = planAxis({
    inLength: info.inHeight,
    outLength: info.filterHeight,
    taps: info.outHeight,
    tapStep: info.strideHeight,
    outStep: info.dilationHeight,
    lead: info.padInfo.top,
  });
  const cols = planAxis({
    inLength: info.inWidth,
    outLength: info.filterWidth,
    taps: info.outWidth,
    tapStep: info.strideWidth,
    outStep: info.dilationWidth,
    lead: info.padInfo.left,
  });
  if (rows.keptLength <= 0 || cols.keptLength <= 0 || batch === 0 || info.outHeight === 0 || info.outWidth === 0) {
    return zerosOutput(backend, [...filterShape]);
  }

  return withIntermediates(backend, (tmp) => {
    let input = x;
    if (needsCrop(rows) || needsCrop(cols)) {
      input = tmp.run(
        'Slice',
        { x: input },
        { begin: [0, rows.cropStart, cols.cropStart, 0], size: [batch, rows.keptLength, cols.keptLength, channels] },
      );
    }
    // [H, W, b, C] viewed as one image [1, H, W, b·C]
    const hwbc = tmp.run('Transpose', { x: input }, { perm: [1, 2, 0, 3] });
    const image = tmp.run('Reshape', { x: hwbc }, { shape: [1, rows.keptLength, cols.keptLength, batch * channels] });
    // [OH, OW, b, C·M] viewed as a depthwise filter [OH, OW, b·C, M]
    const dyT = tmp.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
    const filter = tmp.run('Reshape', { x: dyT }, { shape: [info.outHeight, info.outWidth, batch * channels, multiplier] });
    const partial = tmp.run(
      'DepthwiseConv2dNative',
      { x: image, filter },
      {
        strides: [info.dilationHeight, info.dilationWidth],
        dilations: [info.strideHeight, info.strideWidth],
        pad: explicitPads(rows, cols),
      },
    );
    // [1, KH, KW, b·C·M] → [KH, KW, b, C·M] → sum over b → [KH, KW, C, M]
    const perBatch = tmp.run('Reshape', { x: partial }, { shape: [info.filterHeight, info.filterWidth, batch, channels * multiplier] });
    if (batch === 1) {
      return runWasmKernel('Reshape', backend, { x: perBatch }, { shape: [...filterShape] });
    }
    const summed = tmp.run('Sum', { x: perBatch }, { axis: [2], keepDims: false });
    return runWasmKernel('Reshape', backend, { x: summed }, { shape: [...filterShape] });
  });
}

export const depthwiseConv2dNativeBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropFilter as unknown as tf.KernelFunc,
};
