// The typed-array implementation: reads x once, walks each segment's members from the CSR layout, accumulates in
// float64 and writes float32. Work O(outer × N × inner + outer × S × inner), whatever the number of segments.
import type { SegmentLayout, SegmentView } from '@mgp/metrics';
import type { ScatterOp } from '../scatter_op';

/** [outer, S, inner] reductions (sum, mean, max, logSumExp) or the [outer, N, inner] softmax, flat row-major. */
export function scatterValues(op: ScatterOp, x: ArrayLike<number>, view: SegmentView, layout: SegmentLayout): Float32Array {
  if (op === 'softmax') return softmaxValues(x, view, layout);
  const { outer, length: n, inner } = view;
  const { numSegments, offsets, order } = layout;
  const out = new Float32Array(outer * numSegments * inner);
  const acc = new Float64Array(inner);
  const top = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let s = 0; s < numSegments; s++) {
      const start = offsets[s];
      const end = offsets[s + 1];
      const target = (o * numSegments + s) * inner;
      top.fill(Number.NEGATIVE_INFINITY);
      if (op === 'max' || op === 'logSumExp') {
        for (let k = start; k < end; k++) {
          const row = base + order[k] * inner;
          for (let c = 0; c < inner; c++) if (x[row + c] > top[c]) top[c] = x[row + c];
        }
      }
      if (op === 'max') {
        out.set(top, target);
        continue;
      }
      acc.fill(0);
      for (let k = start; k < end; k++) {
        const row = base + order[k] * inner;
        if (op === 'logSumExp') {
          for (let c = 0; c < inner; c++) acc[c] += Math.exp(x[row + c] - finite(top[c]));
        } else {
          for (let c = 0; c < inner; c++) acc[c] += x[row + c];
        }
      }
      for (let c = 0; c < inner; c++) {
        if (op === 'sum') out[target + c] = acc[c];
        else if (op === 'mean') out[target + c] = end > start ? acc[c] / (end - start) : 0;
        else out[target + c] = finite(top[c]) + Math.log(acc[c]);
      }
    }
  }
  return out;
}

function finite(m: number): number {
  return m === Number.NEGATIVE_INFINITY ? 0 : m;
}

function softmaxValues(x: ArrayLike<number>, view: SegmentView, layout: SegmentLayout): Float32Array {
  const { outer, length: n, inner } = view;
  const lse = scatterValues('logSumExp', x, view, layout);
  const out = new Float32Array(outer * n * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n; i++) {
      const from = (o * layout.numSegments + layout.ids[i]) * inner;
      const at = (o * n + i) * inner;
      for (let c = 0; c < inner; c++) out[at + c] = Math.exp(x[at + c] - finite(lse[from + c]));
    }
  }
  return out;
}
