// Test support: segmentations that stress the kernels (empty segments, one segment, ids out of order, more segments
// than members, many segments, one very long segment, every axis and rank 1 to 3).
import { rng, type RefCase } from './reference';

export interface NamedCase extends RefCase {
  name: string;
}

function randomIds(random: () => number, n: number, numSegments: number): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * numSegments));
}

export function scatterCases(seed = 11): NamedCase[] {
  const r = rng(seed);
  const skewed = Array.from({ length: 900 }, (_, i) => (i % 9 === 0 ? i % 50 : 7));
  return [
    { name: 'rows, out of order, empty segments', shape: [9, 3], axis: 0, numSegments: 6, ids: [4, 0, 4, 2, 0, 5, 2, 4, 0] },
    { name: 'single segment', shape: [33, 5], axis: 0, numSegments: 1, ids: new Array(33).fill(0) },
    { name: 'sorted ids', shape: [12, 2], axis: 0, numSegments: 4, ids: [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3] },
    { name: 'columns (axis 1)', shape: [5, 8], axis: 1, numSegments: 4, ids: [3, 3, 0, 1, 0, 3, 1, 1] },
    { name: 'rank 3, middle axis', shape: [3, 10, 4], axis: 1, numSegments: 5, ids: randomIds(r, 10, 5) },
    { name: 'rank 3, last axis', shape: [2, 3, 7], axis: 2, numSegments: 3, ids: randomIds(r, 7, 3) },
    { name: 'rank 1', shape: [20], axis: 0, numSegments: 6, ids: randomIds(r, 20, 6) },
    { name: 'more segments than rows', shape: [300, 3], axis: 0, numSegments: 5000, ids: randomIds(r, 300, 5000) },
    { name: 'many segments', shape: [4000, 4], axis: 0, numSegments: 1000, ids: randomIds(r, 4000, 1000) },
    { name: 'one long segment', shape: [900, 2], axis: 0, numSegments: 50, ids: skewed },
  ];
}

export function caseValues(c: RefCase, seed: number): Float32Array {
  const r = rng(seed);
  const size = c.shape.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: size }, () => Math.fround(4 * r() - 2));
}
