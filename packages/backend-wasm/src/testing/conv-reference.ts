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

/** dx of depthwiseConv2d: dy [b,OH,OW,C·M], filter [KH,KW,C,M] → [b,H,W,C]. */
export function depthwiseInputGrad(
  dy: ArrayLike<number>,
  filter: ArrayLike<number>,
  inputShape: Shape4,
  filterShape: Shape4,
  g: ConvGeometry,
): Float64Array {
  const c = info(inputShape, filterShape, g, true);
  const [KH, KW, C, M] = filterShape;
  const out = new Float64Array(inputShape[0] * c.inHeight * c.inWidth * C);
  for (let b = 0; b < c.batchSize; b++)
    for (let oh = 0; oh < c.outHeight; oh++)
      for (let ow = 0; ow < c.outWidth; ow++)
        for (let kh = 0; kh < KH; kh++) {
          const h = oh * c.strideHeight + kh * c.dilationHeight - c.padInfo.top;
          if (h < 0 || h >= c.inHeight) continue;
          for (let kw = 0; kw < KW; kw++) {
            const w = ow * c.strideWidth + kw * c.dilationWidth - c.padInfo.left;
            if (w < 0 || w >= c.inWidth) continue;
            for (let ch = 0; ch < C; ch++)
              for (let q = 0; q < M; q++) {
                out[((b * c.inHeight + h) * c.inWidth + w) * C + ch] +=
                  dy[((b * c.outHeight + oh) * c.outWidth + ow) * C * M + ch * M + q] * filter[((kh * KW + kw) * C + ch) * M + q];
              }
          }
        }
  return out;
}

/** dx of conv2d (NHWC, dilation 1): dy [b,OH,OW,co], filter [KH,KW,ci,co] → [b,H,W,ci]. */
export function conv2dInputGrad(
  dy: ArrayLike<number>,
  filter: ArrayLike<number>,
  inputShape: Shape4,
  filterShape: Shape4,
  g: ConvGeometry,
): Float64Array {
  const c = info(inputShape, filterShape, g, false);
  const [KH, KW, CI, CO] = filterShape;
  const out = new Float64Array(inputShape[0] * c.inHeight * c.inWidth * CI);
  for (let b = 0; b < c.batchSize; b++)
    for (let oh = 0; oh < c.outHeight; oh++)
      for (let ow = 0; ow < c.outWidth; ow++)
        for (let kh = 0; kh < KH; kh++) {
          const h = oh * c.strideHeight + kh * c.dilationHeight - c.padInfo.top;
          if (h < 0 || h >= c.inHeight) continue;
          for (let kw = 0; kw < KW; kw++) {
            const w = ow * c.strideWidth + kw * c.dilationWidth - c.padInfo.left;
            if (w < 0 || w >= c.inWidth) continue;
            for (let ci = 0; ci < CI; ci++)
              for (let co = 0; co < CO; co++) {
                out[((b * c.inHeight + h) * c.inWidth + w) * CI + ci] +=
                  dy[((b * c.outHeight + oh) * c.outWidth + ow) * CO + co] * filter[((kh * KW + kw) * CI + ci) * CO + co];
              }
          }
        }
  return out;
}

export function outShapeOf(xShape: Shape4, filterShape: Shape4, g: ConvGeometry, depthwise: boolean, dataFormat: 'NHWC' | 'NCHW' = 'NHWC'): number[] {
  return info(xShape, filterShape, g, depthwise, dataFormat === 'NHWC').outShape;
}
