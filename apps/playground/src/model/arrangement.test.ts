import { beforeAll, describe, expect, it } from 'vitest';
import { DIGIT_NAMES } from '../data/digits';
import { absoluteCost, classCost } from '../hierarchy/cost';
import { useCpuBackend } from '../testing/node-backend';
import { chainOrder, metricArrangement, sphereArrangement } from './arrangement';

beforeAll(useCpuBackend);

const visual = () => classCost('visual', DIGIT_NAMES, null).D;
const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]));
const angle = (a: number[], b: number[]) => (Math.acos(Math.min(1, Math.max(-1, a.reduce((s, v, i) => s + v * b[i], 0)))) * 180) / Math.PI;

describe('prototype arrangements from D', () => {
  it('chainOrder follows |i − j| and keeps the siblings of the digit tree together', () => {
    expect(chainOrder(absoluteCost(6))).toEqual([0, 1, 2, 3, 4, 5]);
    const order = chainOrder(visual());
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const at = (digit: number) => order.indexOf(digit);
    // {0, 6, 9}, {3, 8}, {1, 7}, {2, 5} are sibling groups of the seed's tree.
    expect(Math.max(at(0), at(6), at(9)) - Math.min(at(0), at(6), at(9))).toBe(2);
    expect(Math.abs(at(3) - at(8))).toBe(1);
    expect(Math.abs(at(1) - at(7))).toBe(1);
    expect(Math.abs(at(2) - at(5))).toBe(1);
  });

  it('fixed prototypes: distances close to D (the digit tree)', async () => {
    const D = visual();
    const points = await metricArrangement(D, 2, { seed: 3 });
    let worst = 0;
    let sum = 0;
    for (let i = 0; i < 10; i++) {
      for (let j = i + 1; j < 10; j++) {
        const relative = Math.abs(distance(points[i], points[j]) - D[i][j]) / D[i][j];
        worst = Math.max(worst, relative);
        sum += relative;
      }
    }
    expect(sum / 45).toBeLessThan(0.25);
    expect(worst).toBeLessThan(0.8);
  });

  it('hyperspherical prototypes in 2-D: unit vectors 36° apart, neighbours in D adjacent', async () => {
    const points = await sphereArrangement(visual(), 10, 2);
    for (const p of points) expect(Math.hypot(...p)).toBeCloseTo(1, 6);
    const angles = points.flatMap((p, i) => points.slice(i + 1).map((q) => angle(p, q)));
    expect(Math.min(...angles)).toBeCloseTo(36, 4);
    expect(angle(points[3], points[8])).toBeCloseTo(36, 4);
  });

  it('hyperspherical prototypes in 3-D: unit vectors, none stacked on another', async () => {
    const points = await sphereArrangement(visual(), 10, 3, { seed: 1 });
    for (const p of points) expect(Math.hypot(...p)).toBeCloseTo(1, 4);
    const angles = points.flatMap((p, i) => points.slice(i + 1).map((q) => angle(p, q)));
    expect(Math.min(...angles)).toBeGreaterThan(25);
  });
});
