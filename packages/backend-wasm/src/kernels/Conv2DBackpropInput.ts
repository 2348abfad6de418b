// Conv2DBackpropInput for wasm as one XNNPACK Conv2D, replacing tfjs-backend-wasm 4.22's own kernel: that one is a
// scalar C++ loop, about 5× slower than XNNPACK on the figure-1 CNN and most of its training step.
//
// dx[b,i,j,ci] = Σ_{kh,kw,co} dy↑[b, i + top − kh, j + left − kw, co] · W[kh,kw,ci,co], where dy↑ is dy with
// (stride − 1) zeros between its rows and columns. With the filter flipped in space and its channel axes swapped,
// F[kh,kw,co,ci] = W[KH−1−kh, KW−1−kw, ci, co], this is a stride-1 convolution of dy↑ with leading padding
// (K−1) − top. tfjs's conv2d gradient always has dilation 1, which is all this kernel's attrs can express.
import * as tf from '@tensorflow/tfjs-core';
import { checkBackpropInputArgs, checkShape } from './checks';
import { explicitPads, planAxis } from './conv-geometry';
import { spreadAndCrop } from './spread';
import { type WasmBackendLike, runWasmKernel, withIntermediates, zerosOutput } from './wasm-calls';

const KERNEL = 'Conv2DBackpropInput';

type Args = { inputs: tf.Conv2DBackpropInputInputs; backend: WasmBackendLike; attrs: tf.Conv2DBackpropInputAttrs };

/**
 * The replacement for `original` (tfjs's registered kernel): NHWC runs on XNNPACK; NCHW, which the wasm Conv2D does
 * not take, stays with the original.
 */
export function xnnpackConv2DBackpropInput(original: tf.KernelFunc): tf.KernelFunc {
  const kernel = (args: Args): tf.TensorInfo => {
    const dataFormat = args.attrs.dataFormat ?? 'NHWC';
    if (tf.backend_util.convertConv2DDataFormat(dataFormat) !== 'channelsLast') {
      return original(args as unknown as Parameters<tf.KernelFunc>[0]) as tf.TensorInfo;
    }
    return conv2DBackpropInputNHWC(args);
  };
  return kernel as unknown as tf.KernelFunc;
}

function conv2DBackpropInputNHWC({ inputs, backend, attrs }: Args): tf.TensorInfo {
  const dy = inputs.dy as tf.TensorInfo;
  const filter = inputs.filter as tf.TensorInfo;
  const { strides, pad, dimRoundingMode, inputShape } = attrs;

  checkBackpropInputArgs(KERNEL, dy, filter, inputShape);
  const filterShape = filter.shape as [number, number, number, number];
  const info = tf.backend_util.computeConv2DInfo(inputShape, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
  checkShape(KERNEL, 'dy', dy.shape, info.outShape, `the convolution output for input [${inputShape}] and filter [${filterShape}]`);

  const [batch, height, width] = inputShape;
  const rows = planAxis({
    inLength: (info.outHeight - 1) * info.strideHeight + 1,
    outLength: height,
    taps: info.filterHeight,
    tapStep: 1,
    outStep: 1,
    lead: info.filterHeight - 1 - info.padInfo.top,
  });
  const cols = planAxis({
    inLength: (info.outWidth - 1) * info.strideWidth + 1,
    outLength: width,
    taps: info.filterWidth,
    tapStep: 1,
    outStep: 1,
    lead: info.filterWidth - 1 - info.padInfo.left,
  });
  if (rows.keptLength <= 0 || cols.keptLength <= 0 || batch === 0 || info.outHeight === 0 || info.outWidth === 0 || info.outChannels === 0) {
    return zerosOutput(backend, [...inputShape]);
  }

  return withIntermediates(backend, (tmp) => {
    const spread = spreadAndCrop(tmp, backend, dy, info.strideHeight, info.strideWidth, rows, cols);
    const flipped = tmp.run('Reverse', { x: filter }, { dims: [0, 1] });
    const swapped = tmp.run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
    return runWasmKernel(
      'Conv2D',
      backend,
      { x: spread, filter: swapped },
      { strides: [1, 1], dilations: [1, 1], pad: explicitPads(rows, cols), dataFormat: 'NHWC' },
    );
  });
}
