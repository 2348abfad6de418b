import * as tf from '@tensorflow/tfjs-core';
import { embedOnSphere } from '@mgp/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIGIT_NAMES } from '../data/digits';
import { absoluteCost, classCost } from '../hierarchy/cost';
import { useCpuBackend } from '../testing/node-backend';
import { metricArrangement, sphereArrangement } from './arrangement';

beforeAll(useCpuBackend);

const visual = () => classCost('visual', DIGIT_NAMES, null).D;
const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]));
const angle = (a: number[], b: number[]) => (Math.acos(Math.min(1, Math.max(-1, a.reduce((s, v, i) => s + v * b[i], 0)))) * 180) / Math.PI;
const smallestAngle = (points: number[][]) => Math.min(...points.flatMap((p, i) => points.slice(i + 1).map((q) => angle(p, q))));

/** Positions of the classes around the circle, 0 … K−1 counter-clockwise (from the points' own angles). */
function circlePositions(points: number[][]): number[] {
  const k = points.length;
  return points.map((p) => Math.round(((((Math.atan2(p[1], p[0]) - Math.PI / 2) * k) / (2 * Math.PI)) % k + k) % k));
}

/** Share of the triplets (i, j, l) with D[i][j] < D[i][l] whose points are not nearer for j than for l (plain JS). */
function rankViolations(points: number[][], D: number[][]): number {
  let violated = 0;
  let total = 0;
  D.forEach((row, i) =>
    row.forEach((dij, j) =>
      row.forEach((dil, l) => {
        if (i === j || i === l || j === l || !(dij < dil)) return;
        total += 1;
        // 1e-6: the points come from a float32 tensor, so equal distances differ in their last bits.
        if (distance(points[i], points[j]) > distance(points[i], points[l]) + 1e-6) violated += 1;
      }),
    ),
  );
  return violated / total;
}

describe('fixed prototypes (core embedMetric)', () => {
  it('have distances close to D (the digit tree), in D’s units', async () => {
    const D = visual();
    const points = await metricArrangement(D, 2, { seed: 3 });
    expect(points).toHaveLength(10);
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
});

describe('hyperspherical prototypes', () => {
  it('in 2-D: unit vectors 36° apart, the siblings of the digit tree side by side, few triplets out of D’s order', async () => {
    const D = visual();
    for (const seed of [1, 2]) {
      const points = await sphereArrangement(D, 10, 2, { seed });
      for (const p of points) expect(Math.hypot(...p)).toBeCloseTo(1, 6);
      expect(smallestAngle(points)).toBeCloseTo(36, 4);
      const at = circlePositions(points);
      expect([...at].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(at[0]).toBe(0);
      const apart = (a: number, b: number) => Math.min((at[a] - at[b] + 10) % 10, (at[b] - at[a] + 10) % 10);
      // {0, 6, 9}, {3, 8}, {1, 7}, {2, 5} are sibling groups of the seed's tree.
      expect(Math.max(apart(0, 6), apart(0, 9), apart(6, 9))).toBe(2);
      expect(apart(3, 8)).toBe(1);
      expect(apart(1, 7)).toBe(1);
      expect(apart(2, 5)).toBe(1);
      // A random order of the circle leaves about 45 % of these triplets out of order.
      expect(rankViolations(points, D)).toBeLessThan(0.12);
    }
  });

  it('in 2-D: the same seed gives the same arrangement', async () => {
    expect(await sphereArrangement(absoluteCost(6), 6, 2, { seed: 4 })).toEqual(await sphereArrangement(absoluteCost(6), 6, 2, { seed: 4 }));
  });

  it('in 2-D with K ≤ 3 or no D: evenly spaced', async () => {
    for (const [D, k] of [[absoluteCost(2), 2], [absoluteCost(3), 3], [null, 5]] as const) {
      const points = await sphereArrangement(D as number[][] | null, k, 2, { seed: 0 });
      expect(smallestAngle(points)).toBeCloseTo(360 / k > 180 ? 180 : 360 / k, 4);
    }
  });

  it('in 3-D: core’s embedOnSphere, unit vectors, none stacked on another', async () => {
    const points = await sphereArrangement(visual(), 10, 3, { seed: 1 });
    expect(points).toHaveLength(10);
    for (const p of points) expect(Math.hypot(...p)).toBeCloseTo(1, 4);
    expect(smallestAngle(points)).toBeGreaterThan(25);
  });
});

describe('the backend', () => {
  it('core’s optimisation runs on the cpu backend; the backend in use before is restored, no tensor left behind', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    const D = visual();
    const onCpu = await metricArrangement(D, 2, { seed: 5, steps: 200 });
    try {
      expect(await tf.setBackend('wasm')).toBe(true);
      const before = tf.memory().numTensors;
      const fromWasm = await metricArrangement(D, 2, { seed: 5, steps: 200 });
      expect(tf.getBackend()).toBe('wasm');
      expect(tf.memory().numTensors).toBe(before);
      // The same numbers as on the cpu backend: computed there.
      expect(fromWasm).toEqual(onCpu);
    } finally {
      await tf.setBackend('cpu');
    }
  });
});
