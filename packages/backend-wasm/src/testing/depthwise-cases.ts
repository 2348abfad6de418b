// Random depthwise-convolution cases covering every stride / padding / dilation / multiplier combination.
import type { ConvGeometry } from './conv-reference';
import { outShapeOf } from './conv-reference';
import { pick, randInt, rng, uniform } from './random';

type Shape4 = [number, number, number, number];

export interface DepthwiseCase {
  name: string;
  xShape: Shape4;
  filterShape: Shape4;
  geometry: ConvGeometry;
  seed: number;
}

export const DW_STRIDES: Array<number | [number, number]> = [1, 2, [2, 1], [1, 3]];
export const DW_PADS = ['valid', 'same', 'explicit', 'number'] as const;
const ROUNDING = [undefined, 'floor', 'round', 'ceil'] as const;

export function depthwiseCase(
  seed: number,
  strides: number | [number, number],
  dilations: number | [number, number],
  padKind: (typeof DW_PADS)[number],
  multiplier: number,
): DepthwiseCase {
  const next = rng(seed);
  const kh = randInt(next, 1, 4);
  const kw = randInt(next, 1, 4);
  const c = randInt(next, 1, 5);
  const b = randInt(next, 1, 3);
  const [dh, dw] = typeof dilations === 'number' ? [dilations, dilations] : dilations;
  const h = randInt(next, (kh - 1) * dh + 2, (kh - 1) * dh + 8);
  const w = randInt(next, (kw - 1) * dw + 2, (kw - 1) * dw + 8);
  let pad: ConvGeometry['pad'];
  let dimRoundingMode: ConvGeometry['dimRoundingMode'];
  if (padKind === 'explicit') {
    const p = [0, 1, 2, 3].map(() => randInt(next, 0, 3));
    pad = [[0, 0], [p[0], p[1]], [p[2], p[3]], [0, 0]];
  } else if (padKind === 'number') {
    pad = randInt(next, 0, 2);
    dimRoundingMode = pick(next, ROUNDING);
  } else {
    pad = padKind;
  }
  const xShape: Shape4 = [b, h, w, c];
  const filterShape: Shape4 = [kh, kw, c, multiplier];
  const name = `x[${xShape}] f[${filterShape}] strides ${JSON.stringify(strides)} dilations ${JSON.stringify(dilations)} pad ${JSON.stringify(pad)}${dimRoundingMode ? ` ${dimRoundingMode}` : ''} seed ${seed}`;
  return { name, xShape, filterShape, geometry: { strides, dilations, pad, dimRoundingMode }, seed };
}

/** Dilation 1 (what tfjs's depthwise gradient produces): every stride × padding × multiplier 1 and 2..3. */
export function undilatedCases(firstSeed: number): DepthwiseCase[] {
  const cases: DepthwiseCase[] = [];
  let seed = firstSeed;
  for (const strides of DW_STRIDES)
    for (const pad of DW_PADS) for (const multiplier of [1, 2 + (seed % 2)]) cases.push(depthwiseCase(seed++, strides, 1, pad, multiplier));
  cases.push({ name: 'valid, stride 2, even size (cropped)', xShape: [2, 8, 8, 3], filterShape: [3, 3, 3, 2], geometry: { strides: 2, dilations: 1, pad: 'valid' }, seed: 991 });
  cases.push({ name: 'large explicit padding', xShape: [1, 4, 5, 2], filterShape: [2, 2, 2, 1], geometry: { strides: 2, dilations: 1, pad: [[0, 0], [4, 3], [0, 5], [0, 0]] }, seed: 992 });
  return cases;
}

/** Dilations 2 and [1, 2] with strides 1 and 2 (not reachable from tfjs's gradients; judged by the reference). */
export function dilatedCases(firstSeed: number): DepthwiseCase[] {
  const cases: DepthwiseCase[] = [];
  let seed = firstSeed;
  for (const dilations of [2, [1, 2]] as Array<number | [number, number]>)
    for (const strides of [1, 2] as const) for (const pad of DW_PADS) cases.push(depthwiseCase(seed++, strides, dilations, pad, 1 + (seed % 2)));
  return cases;
}

export function randomInputs(c: DepthwiseCase) {
  const next = rng(c.seed * 7919 + 3);
  const dyShape = outShapeOf(c.xShape, c.filterShape, c.geometry, true);
  const size = (s: number[]) => s.reduce((a, d) => a * d, 1);
  return {
    x: { values: uniform(next, size(c.xShape)), shape: c.xShape },
    filter: { values: uniform(next, size(c.filterShape)), shape: c.filterShape },
    dy: { values: uniform(next, size(dyShape)), shape: dyShape },
  };
}
