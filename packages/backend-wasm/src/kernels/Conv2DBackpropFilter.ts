// Conv2DBackpropFilter for wasm, as one XNNPACK Conv2D of the wasm backend.
//
// dW[kh,kw,ci,co] = Σ_{b,oh,ow} x[b, oh·sh + kh·dh − top, ow·sw + kw·dw − left, ci] · dy[b,oh,ow,co].
// Read x as an image batch over ci with the batch b as its channels ([ci, H, W, b]) and dy as a filter
// ([OH, OW, b, co]): the sum is a convolution whose output pixels are the filter taps (kh, kw), whose stride is
// the forward dilation and whose dilation is the forward stride. Its output [ci, KH, KW, co] is transposed to the
// filter layout [KH, KW, ci, co].
import * as tf from '@tensorflow/tfjs-core';
import { checkFilterShape, checkRank4Float, checkShape } from './checks';
import { explicitPads, needsCrop, planAxis } from './conv-geometry';
import { type WasmBackendLike, runWasmKernel, withIntermediates, zerosOutput } from './wasm-calls';

const KERNEL = 'Conv2DBackpropFilter';

/** tfjs's attrs, plus `dilations` (not passed by tfjs-core, whose conv2d gradient requires dilation 1). */
type Attrs = tf.Conv2DBackpropFilterAttrs & { dilations?: number | [number, number] };

export function conv2DBackpropFilter(args: {
  inputs: tf.Conv2DBackpropFilterInputs;
  backend: WasmBackendLike;
  attrs: Attrs;
}): tf.TensorInfo {
  const { backend } = args;
  const x = args.inputs.x as tf.TensorInfo;
  const dy = args.inputs.dy as tf.TensorInfo;
  const { strides, pad, dimRoundingMode, filterShape } = args.attrs;
  const dataFormat = args.attrs.dataFormat ?? 'NHWC';
  const dilations = args.attrs.dilations ?? 1;

  checkRank4Float(KERNEL, 'x', x);
  checkRank4Float(KERNEL, 'dy', dy);
  checkFilterShape(KERNEL, 'filterShape', filterShape);
  const channelsLast = tf.backend_util.convertConv2DDataFormat(dataFormat) === 'channelsLast';
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    false,
    channelsLast ? 'channelsLast' : 'channelsFirst',
  );
  checkShape(KERNEL, 'dy', dy.shape, info.outShape, `the convolution output for x [${x.shape}] and filter [${filterShape}]`);
  if (info.inChannels !== filterShape[2]) {
    throw new Error(`${KERNEL}: x has ${info.inChannels} channels but filterShape [${filterShape}] expects ${filterShape[2]}`);
  }

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
  if (rows.keptLength <= 0 || cols.keptLength <= 0 || info.batchSize === 0 || info.outHeight === 0 || info.outWidth === 0) {
    return zerosOutput(backend, [...filterShape]);
  }

  return withIntermediates(backend, (tmp) => {
    let input = x;
    if (needsCrop(rows) || needsCrop(cols)) {
      const hAxis = channelsLast ? 1 : 2;
      const begin = [0, 0, 0, 0];
      const size = [...x.shape];
      begin[hAxis] = rows.cropStart;
      begin[hAxis + 1] = cols.cropStart;
      size[hAxis] = rows.keptLength;
      size[hAxis + 1] = cols.keptLength;
      input = tmp.run('Slice', { x: input }, { begin, size });
    }
    // [ci, H, W, b]: the batch becomes the channel dimension the convolution sums over.
    const images = tmp.run('Transpose', { x: input }, { perm: channelsLast ? [3, 1, 2, 0] : [1, 2, 3, 0] });
    // [OH, OW, b, co]: dy as the filter.
    const filter = tmp.run('Transpose', { x: dy }, { perm: channelsLast ? [1, 2, 0, 3] : [2, 3, 0, 1] });
    const perChannel = tmp.run(
      'Conv2D',
      { x: images, filter },
      {
        strides: [info.dilationHeight, info.dilationWidth],
        dilations: [info.strideHeight, info.strideWidth],
        pad: explicitPads(rows, cols),
        dataFormat: 'NHWC',
      },
    );
    // [ci, KH, KW, co] → [KH, KW, ci, co]
    return runWasmKernel('Transpose', backend, { x: perChannel }, { perm: [1, 2, 0, 3] });
  });
}

export const conv2DBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as tf.KernelFunc,
};
