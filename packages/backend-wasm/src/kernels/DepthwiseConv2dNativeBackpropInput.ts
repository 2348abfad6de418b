// DepthwiseConv2dNativeBackpropInput for wasm: a stride-1 XNNPACK depthwise convolution of dy with the spatially
// flipped filter.
//
// dx[b,i,j,c] = Σ_{kh,kw,q} dy↑[b, i + top − kh·dh, j + left − kw·dw, c·M+q] · W[kh,kw,c,q], where dy↑ is dy with
// (stride − 1) zeros between its rows and columns. With the filter flipped this is a stride-1 depthwise convolution
// (dilation d, leading padding (K−1)·d − top) over C·M channels, followed by a sum over the M multiplier channels.
import * as tf from '@tensorflow/tfjs-core';
import { checkBackpropInputArgs, checkShape } from './checks';
import { explicitPads, planAxis } from './conv-geometry';
import { spreadAndCrop } from './spread';
import { type WasmBackendLike, runWasmKernel, withIntermediates, zerosOutput } from './wasm-calls';

const KERNEL = 'DepthwiseConv2dNativeBackpropInput';

export function depthwiseConv2dNativeBackpropInput(args: {
  inputs: tf.DepthwiseConv2dNativeBackpropInputInputs;
  backend: WasmBackendLike;
  attrs: tf.DepthwiseConv2dNativeBackpropInputAttrs;
}): tf.TensorInfo {
  const { backend } = args;
  const dy = args.inputs.dy as tf.TensorInfo;
  const filter = args.inputs.filter as tf.TensorInfo;
  const { strides, pad, dimRoundingMode, inputShape } = args.attrs;
  const dilations = args.attrs.dilations ?? 1;

  checkBackpropInputArgs(KERNEL, dy, filter, inputShape);
  const filterShape = filter.shape as [number, number, number, number];
  const info = tf.backend_util.computeConv2DInfo(inputShape, filterShape, strides, dilations, pad, dimRoundingMode, true);
  checkShape(KERNEL, 'dy', dy.shape, info.outShape, `the depthwise convolution output for input [${inputShape}] and filter [${filterShape}]`);

  const [batch, height, width, channels] = inputShape;
  const multiplier = filterShape[3];
  const wide = channels * multiplier;
  // dy↑ has (O−1)·s+1 rows; output i reads dy↑ rows i − lead + k·d with lead = (K−1)·d − top.
  const rows = planAxis({
    inLength: (info.outHeight - 1) * info.strideHeight + 1,
    outLength: height,
    taps: info.filterHeight,
    tapStep: info.dilationHeight,
    outStep: 1,
    lead: (info.filterHeight - 1) * info.dilationHeight - info.padInfo.top,
  });
  const cols = planAxis({
    inLength: (info.outWidth - 1) * info.strideWidth + 1,
    outLength: width,
    taps: info.filterWidth,
    tapStep: info.dilationWidth,
    outStep: 1,
    lead: (info.filterWidth - 1) * info.dilationWidth - info.padInfo.left,
  });
  if (rows.keptLength <= 0 || cols.keptLength <= 0 || batch === 0 || info.outHeight === 0 || info.outWidth === 0) {
    return zerosOutput(backend, [...inputShape]);
  }

  return withIntermediates(backend, (tmp) => {
    const upsampled = spreadAndCrop(tmp, backend, dy, info.strideHeight, info.strideWidth, rows, cols);
    const flipped = tmp.run('Reverse', { x: filter }, { dims: [0, 1] });
    const flat = tmp.run('Reshape', { x: flipped }, { shape: [info.filterHeight, info.filterWidth, wide, 1] });
    const convAttrs = { strides: [1, 1], dilations: [info.dilationHeight, info.dilationWidth], pad: explicitPads(rows, cols) };
    if (multiplier === 1) {
      return runWasmKernel('DepthwiseConv2dNative', backend, { x: upsampled, filter: flat }, convAttrs);
    }
    const perMultiplier = tmp.run('DepthwiseConv2dNative', { x: upsampled, filter: flat }, convAttrs);
    const split = tmp.run('Reshape', { x: perMultiplier }, { shape: [batch, height, width, channels, multiplier] });
    return runWasmKernel('Sum', backend, { x: split }, { axis: [4], keepDims: false });
  });
}

export const depthwiseConv2dNativeBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dNativeBackpropInput as unknown as tf.KernelFunc,
};
