// planAxis: the cropped, padded input gives exactly the wanted output length, and every read lands where planned.
import { describe, expect, it } from 'vitest';
import { randInt, rng } from '../testing/random';
import { planAxis } from './conv-geometry';

describe('planAxis', () => {
  it('yields outLength outputs whose reads map back to the right input indices (2,000 random requests)', () => {
    const next = rng(42);
    for (let trial = 0; trial < 2000; trial++) {
      const r = {
        inLength: randInt(next, 1, 30),
        outLength: randInt(next, 1, 8),
        taps: randInt(next, 1, 10),
        tapStep: randInt(next, 1, 4),
        outStep: randInt(next, 1, 4),
        lead: randInt(next, -12, 12),
      };
      const p = planAxis(r);
      expect(p.cropStart >= 0 && p.cropEnd >= 0 && p.padStart >= 0 && p.padEnd >= 0, JSON.stringify(r)).toBe(true);
      if (p.keptLength <= 0) {
        // No output reads any real input element.
        for (let o = 0; o < r.outLength; o++)
          for (let k = 0; k < r.taps; k++) {
            const i = o * r.outStep - r.lead + k * r.tapStep;
            expect(i < 0 || i >= r.inLength, JSON.stringify(r)).toBe(true);
          }
        continue;
      }
      // The convolution's own output-size formula on the padded, cropped input.
      const padded = p.keptLength + p.padStart + p.padEnd;
      expect(Math.floor((padded - ((r.taps - 1) * r.tapStep + 1)) / r.outStep) + 1, JSON.stringify(r)).toBe(r.outLength);
      // Each read of the planned convolution hits the same original element (or padding, where the request reads outside).
      for (let o = 0; o < r.outLength; o++)
        for (let k = 0; k < r.taps; k++) {
          const wanted = o * r.outStep - r.lead + k * r.tapStep;
          const inPadded = o * r.outStep + k * r.tapStep - p.padStart; // index into the cropped input
          const original = inPadded >= 0 && inPadded < p.keptLength ? inPadded + p.cropStart : -1;
          expect(original, JSON.stringify({ r, o, k })).toBe(wanted >= 0 && wanted < r.inLength ? wanted : -1);
        }
    }
  });
});
