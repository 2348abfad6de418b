// Float64 reference gradients of 2-D convolutions, written from the definitions (any stride, dilation, padding).
import * as tf from '@tensorflow/tfjs-core';

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

export interface ConvGeometry {
  strides: number | [number, number];
  dilations: number | [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function info(xShape: Shape4, filterShape: Shape4, g: ConvGeometry, depthwise: boolean, channelsLast = true) {
  return tf.backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    g.strides,
    g.dilations,
    g.pad,
    g.dimRoundingMode,
    depthwise,
    channelsLast ? 'channelsLast' : 'channelsFirst',
  );
}

/** dW of conv2d: x [b,H,W,ci] (or NCHW), dy [b,OH,OW,co] (or NCHW) → [KH,KW,ci,co]. */
export function conv2dFilterGrad(
  x: ArrayLike<number>,
  xShape: Shape4,
  dy: ArrayLike<number>,
  filterShape: Shape4,
  g: ConvGeometry,
  dataFormat: 'NHWC' | 'NCHW' = 'NHWC',
): Float64Array {
  const last = dataFormat === 'NHWC';
  const c = info(xShape, filterShape, g, false, last);
  const [KH, KW, CI, CO] = filterShape;
  const xAt = (b: number, h: number, w: number, ch: number) =>
    last ? x[((b * c.inHeight + h) * c.inWidth + w) * CI + ch] : x[((b * CI + ch) * c.inHeight + h) * c.inWidth + w];
  const dyAt = (b: number, h: number, w: number, ch: number) =>
    last ? dy[((b * c.outHeight + h) * c.outWidth + w) * CO + ch] : dy[((b * CO + ch) * c.outHeight + h) * c.outWidth + w];
  const out = new Float64Array(KH * KW * CI * CO);
  for (let kh = 0; kh < KH; kh++)
    for (let kw = 0; kw < KW; kw++)
      for (let ci = 0; ci < CI; ci++)
        for (let co = 0; co < CO; co++) {
          let s = 0;
          for (let b = 0; b < c.batchSize; b++)
            for (let oh = 0; oh < c.outHeight; oh++) {
              const h = oh * c.strideHeight + kh * c.dilationHeight - c.padInfo.top;
              if (h < 0 || h >= c.inHeight) continue;
              for (let ow = 0; ow < c.outWidth; ow++) {
                const w = ow * c.strideWidth + kw * c.dilationWidth - c.padInfo.left;
                if (w < 0 || w >= c.inWidth) continue;
                s += xAt(b, h, w, ci) * dyAt(b, oh, ow, co);
              }
            }
          out[((kh * KW + kw) * CI + ci) * CO + co] = s;
        }
  return out;
}

/** dW of depthwiseConv2d: x [b,H,W,C], dy [b,OH,OW,C·M] → [KH,KW,C,M]. */
export function depthwiseFilterGrad(
  x: ArrayLike<number>,
  xShape: Shape4,
  dy: ArrayLike<number>,
  filterShape: Shape4,
  g: ConvGeometry,
): Float64Array {
  const c = info(xShape, filterShape, g, true);
  const [KH, KW, C, M] = filterShape;
  const out = new Float64Array(KH * KW * C * M);
  for (let kh = 0; kh < KH; kh++)
    for (let kw = 0; kw < KW; kw++)
      for (let ch = 0; ch < C; ch++)
        for (let q = 0; q < M; q++) {
          let s = 0;
          for (let b = 0; b < c.batchSize; b++)
            for (let oh = 0; oh < c.outHeight; oh++) {
              const h = oh * c.strideHeight + kh * c.dilationHeight - c.padInfo.top;
              if (h < 0 || h >= c.inHeight) continue;
              for (let ow = 0; ow < c.outWidth; ow++) {
                const w = ow * c.strideWidth + kw * c.dilationWidth - c.padInfo.left;
                if (w < 0 || w >= c.inWidth) continue;
                s += x[((b * c.inHeight + h) * c.inWidth + w) * C + ch] * dy[((b * c.outHeight + oh) * c.outWidth + ow) * C * M + ch * M + q];
              }
            }
          out[((kh * KW + kw) * C + ch) * M + q] = s;
        }
  return out;
}

/**
 * One channel pair of an input gradient: input channel `x`, dy channel `dy` and the pair's offset within a filter
 * tap. A full convolution pairs every input with every output channel, a depthwise one each input with its M own.
 */
interface ChannelPair {
  x: number;
  dy: number;
  filter: number;
}

/** dx[b,h,w,x] = Σ dy[b,oh,ow,dy]·filter[tap, pair] over the taps that read (h, w) and the given channel pairs. */
function inputGrad(dy: ArrayLike<number>, filter: ArrayLike<number>, inputShape: Shape4, filterShape: Shape4, g: ConvGeometry, depthwise: boolean, pairs: ChannelPair[], dyChannels: number): Float64Array {
  const c = info(inputShape, filterShape, g, depthwise);
  const [KH, KW] = filterShape;
  const xChannels = inputShape[3];
  const perTap = filterShape[2] * filterShape[3];
  const out = new Float64Array(inputShape[0] * c.inHeight * c.inWidth * xChannels);
  for (let b = 0; b < c.batchSize; b++)
    for (let oh = 0; oh < c.outHeight; oh++)
      for (let ow = 0; ow < c.outWidth; ow++)
        for (let kh = 0; kh < KH; kh++) {
          const h = oh * c.strideHeight + kh * c.dilationHeight - c.padInfo.top;
          if (h < 0 || h >= c.inHeight) continue;
          for (let kw = 0; kw < KW; kw++) {
            const w = ow * c.strideWidth + kw * c.dilationWidth - c.padInfo.left;
            if (w < 0 || w >= c.inWidth) continue;
            const dyAt = ((b * c.outHeight + oh) * c.outWidth + ow) * dyChannels;
            const xAt = ((b * c.inHeight + h) * c.inWidth + w) * xChannels;
            const tap = (kh * KW + kw) * perTap;
            for (const p of pairs) out[xAt + p.x] += dy[dyAt + p.dy] * filter[tap + p.filter];
          }
        }
  return out;
}

/** dx of depthwiseConv2d: dy [b,OH,OW,C·M], filter [KH,KW,C,M] → [b,H,W,C]. */
export function depthwiseInputGrad(dy: ArrayLike<number>, filter: ArrayLike<number>, inputShape: Shape4, filterShape: Shape4, g: ConvGeometry): Float64Array {
  const [, , C, M] = filterShape;
  const pairs: ChannelPair[] = [];
  for (let ch = 0; ch < C; ch++) for (let q = 0; q < M; q++) pairs.push({ x: ch, dy: ch * M + q, filter: ch * M + q });
  return inputGrad(dy, filter, inputShape, filterShape, g, true, pairs, C * M);
}

/** dx of conv2d (NHWC): dy [b,OH,OW,co], filter [KH,KW,ci,co] → [b,H,W,ci]. */
export function conv2dInputGrad(dy: ArrayLike<number>, filter: ArrayLike<number>, inputShape: Shape4, filterShape: Shape4, g: ConvGeometry): Float64Array {
  const [, , CI, CO] = filterShape;
  const pairs: ChannelPair[] = [];
  for (let ci = 0; ci < CI; ci++) for (let co = 0; co < CO; co++) pairs.push({ x: ci, dy: co, filter: ci * CO + co });
  return inputGrad(dy, filter, inputShape, filterShape, g, false, pairs, CO);
}

export function outShapeOf(xShape: Shape4, filterShape: Shape4, g: ConvGeometry, depthwise: boolean, dataFormat: 'NHWC' | 'NCHW' = 'NHWC'): number[] {
  return info(xShape, filterShape, g, depthwise, dataFormat === 'NHWC').outShape;
}
