// Index arithmetic shared by the backprop kernels: how to feed a convolution so that its output has exactly
// the wanted length, when the padding that arithmetic asks for may be negative (then the input is cropped).

/** One spatial axis of a convolution we are about to run. */
export interface AxisRequest {
  /** Length of the input along the axis. */
  inLength: number;
  /** Output length wanted. */
  outLength: number;
  /** Number of filter taps along the axis. */
  taps: number;
  /** Distance between taps (the convolution's dilation). */
  tapStep: number;
  /** Distance between consecutive outputs (the convolution's stride). */
  outStep: number;
  /** Output 0 starts at input index -lead (a positive lead is leading padding, a negative one skips input). */
  lead: number;
}

/** Crop `cropStart`/`cropEnd` elements off the input, then pad with `padStart`/`padEnd` zeros. */
export interface AxisPlan {
  cropStart: number;
  cropEnd: number;
  padStart: number;
  padEnd: number;
  /** Input length after cropping; 0 or less when no output reaches any input element. */
  keptLength: number;
}

/**
 * Output o reads input indices o·outStep − lead + k·tapStep for k < taps. The first read is −lead and the last is
 * (outLength−1)·outStep + (taps−1)·tapStep − lead; everything outside [0, inLength) is zero padding, everything
 * inside but never read is cropped away, so the convolution's own output-size formula gives outLength exactly.
 */
export function planAxis(r: AxisRequest): AxisPlan {
  const first = -r.lead;
  const last = (r.outLength - 1) * r.outStep + (r.taps - 1) * r.tapStep - r.lead;
  const cropStart = Math.max(0, first);
  const cropEnd = Math.max(0, r.inLength - 1 - last);
  return {
    cropStart,
    cropEnd,
    padStart: Math.max(0, -first),
    padEnd: Math.max(0, last - (r.inLength - 1)),
    keptLength: r.inLength - cropStart - cropEnd,
  };
}

export function needsCrop(p: AxisPlan): boolean {
  return p.cropStart > 0 || p.cropEnd > 0;
}

/** tfjs explicit padding for an NHWC convolution from the two axis plans. */
export function explicitPads(h: AxisPlan, w: AxisPlan): [[number, number], [number, number], [number, number], [number, number]] {
  return [
    [0, 0],
    [h.padStart, h.padEnd],
    [w.padStart, w.padEnd],
    [0, 0],
  ];
}
