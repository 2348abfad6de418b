// The losses and metrics at the edges: prototypes of norm 1e6 and 1e-6, all-equal prototypes, cost matrices with
// ties, logits of magnitude 1e6. Values and gradients must stay finite.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { metricGuidedRegularizer } from '@mgp/core';
import { hierarchicalCrossEntropy, hierarchicalLogMarginals, leafLogitsToLogMarginals } from '@mgp/hierarchy';
import {
  distortion,
  distortionLoss,
  emdLoss,
  hypersphericalLoss,
  optimalScale,
  pairwiseDistances,
  rankLoss,
  scaleFreeDistortion,
  separationLoss,
  softLabelCrossEntropy,
  softLabels,
  bayesDecision,
  hierarchicalDistanceAtK,
} from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { valueAndGrads } from '../support/grad-check';
import { balancedTreeCosts, randomLabels, randomMatrix, type Matrix } from '../support/matrices';
import { TREE } from '../support/models';

beforeAll(async () => {
  await useTestBackend();
});

const K = 6;
const D = balancedTreeCosts([2, 3]);
/** Every off-diagonal cost equal: a flat tree, all ties. */
const FLAT: Matrix = Array.from({ length: K }, (_, i) => Array.from({ length: K }, (_, j) => (i === j ? 0 : 2)));
const scaled = (m: Matrix, s: number) => m.map((row) => row.map((v) => v * s));
const P = randomMatrix(K, 3, 3);

const POINTS: Array<[string, Matrix]> = [
  ['ordinary points', P],
  ['points of norm 1e6', scaled(P, 1e6)],
  ['points of norm 1e-6', scaled(P, 1e-6)],
  ['all points equal', Array.from({ length: K }, () => P[0])],
  ['all points at the origin', Array.from({ length: K }, () => [0, 0, 0])],
  ['two pairs of coincident points', [P[0], P[0], P[1], P[1], P[2], P[3]]],
];

const COSTS: Array<[string, Matrix]> = [
  ['tree D', D],
  ['D with ties everywhere', FLAT],
];

type PointLoss = [string, (p: tf.Tensor2D, D: Matrix) => tf.Tensor];
const POINT_LOSSES: PointLoss[] = [
  ['regularizer: scale-free distortion', (p, c) => metricGuidedRegularizer(c, { weight: 0.5 }).apply(p)],
  ['regularizer: plain distortion', (p, c) => metricGuidedRegularizer(c, { scaleFree: false }).apply(p)],
  ['regularizer: cosine distortion', (p, c) => metricGuidedRegularizer(c, { metric: 'cosine' }).apply(p)],
  ['regularizer: sampled distortion', (p, c) => metricGuidedRegularizer(c, { pairs: 40, seed: 1 }).apply(p)],
  ['regularizer: rank', (p, c) => metricGuidedRegularizer(c, { kind: 'rank', numTriplets: 60, seed: 2 }).apply(p)],
  ['regularizer: cosine rank', (p, c) => metricGuidedRegularizer(c, { kind: 'rank', metric: 'cosine', numTriplets: 60, seed: 2 }).apply(p)],
  ['distortion', (p, c) => distortion(p, c)],
  ['rankLoss on given triplets', (p, c) => rankLoss(p, c, { triplets: [[0, 1, 2], [3, 4, 0], [5, 0, 3]] })],
  ['pairwiseDistances (euclidean)', (p) => pairwiseDistances(p)],
  ['pairwiseDistances (cosine)', (p) => pairwiseDistances(p, { metric: 'cosine' })],
  ['separationLoss', (p) => separationLoss(p)],
];
// separationLoss on points at the origin is tested separately (a zero row: see the zero-prototype test below).
const SKIP = new Set(['separationLoss, all points at the origin']);

describe('losses of points and a cost matrix', () => {
  const cases = POINTS.flatMap(([pn, p]) =>
    COSTS.flatMap(([cn, c]) => POINT_LOSSES.filter(([ln]) => !SKIP.has(`${ln}, ${pn}`)).map(([ln, f]) => [`${ln}, ${pn}, ${cn}`, p, c, f] as const)),
  );
  it.each(cases)('%s: finite value and gradient', (_, p, c, f) => {
    const points = tf.tensor2d(p);
    const out = valueAndGrads((x) => f(x as tf.Tensor2D, c), [points]);
    points.dispose();
    expect(out.nonFinite).toBeNull();
  });

  it.each(POINTS)('optimalScale and scaleFreeDistortion (evaluation, no gradient) of %s are finite', (_, p) => {
    const points = tf.tensor2d(p);
    for (const [, c] of COSTS) {
      const s = optimalScale(points, c);
      expect(Number.isFinite(s) && s > 0, `${s}`).toBe(true);
      const value = scaleFreeDistortion(points, c);
      expect(Number.isFinite(value.dataSync()[0])).toBe(true);
      value.dispose();
    }
    points.dispose();
  });

  it('separationLoss: finite value and gradient when one prototype is the zero vector', () => {
    // packages/metrics/src/hyperspherical/separation.ts floors the norm (COSINE_EPS, or the backend's epsilon), as
    // every other cosine in @mgp does; HypersphericalPrototypes refuses zero rows.
    const points = tf.tensor2d([P[0], P[1], [0, 0, 0], P[3]]);
    const out = valueAndGrads((x) => separationLoss(x as tf.Tensor2D), [points]);
    points.dispose();
    expect(out.nonFinite).toBeNull();
  });
});

const LOGITS: Array<[string, Matrix]> = [
  ['ordinary logits', randomMatrix(5, K, 9, 3)],
  ['logits of magnitude 1e6', randomMatrix(5, K, 9, 1e6)],
  ['logits of magnitude 1e-6', randomMatrix(5, K, 9, 1e-6)],
  ['all-equal logits', Array.from({ length: 5 }, () => Array(K).fill(0.7))],
  ['one-hot logits of 1e6 (certain)', Array.from({ length: 5 }, (_, i) => Array.from({ length: K }, (_, j) => (j === i % K ? 1e6 : 0)))],
];
const labels = randomLabels(5, K, 4);

type LogitLoss = [string, (l: tf.Tensor2D) => tf.Tensor];
const LOGIT_LOSSES: LogitLoss[] = [
  ['hierarchicalCrossEntropy', (l) => hierarchicalCrossEntropy(l, labels, TREE)],
  ['hierarchicalCrossEntropy, focal', (l) => hierarchicalCrossEntropy(l, labels, TREE, { alpha: 0.3, focalGamma: 2 })],
  ['leafLogitsToLogMarginals', (l) => leafLogitsToLogMarginals(l, TREE)],
  ['softLabelCrossEntropy, tree D', (l) => softLabelCrossEntropy(l, labels, D, { beta: 5 })],
  ['softLabelCrossEntropy, focal, D with ties', (l) => softLabelCrossEntropy(l, labels, FLAT, { focalGamma: 2 })],
  ['emdLoss', (l) => emdLoss(l, labels, D)],
  ['hypersphericalLoss', (l) => hypersphericalLoss(l, labels)],
];

describe('losses of logits', () => {
  it.each(LOGITS.flatMap(([n, l]) => LOGIT_LOSSES.map(([ln, f]) => [`${ln}, ${n}`, l, f] as const)))('%s: finite value and gradient', (_, l, f) => {
    const logits = tf.tensor2d(l);
    const out = valueAndGrads((x) => f(x as tf.Tensor2D), [logits]);
    logits.dispose();
    expect(out.nonFinite).toBeNull();
  });

  it.each(LOGITS)('hierarchicalLogMarginals of %s (as edge logits): finite value and gradient', (_, l) => {
    const edges = tf.tensor2d(l.map((row) => [...row, ...row].slice(0, TREE.numNodes - 1)));
    const out = valueAndGrads((x) => hierarchicalLogMarginals(x as tf.Tensor2D, TREE), [edges]);
    edges.dispose();
    expect(out.nonFinite).toBeNull();
  });

  it('decisions under ties are well defined: bayesDecision, hierarchicalDistanceAtK and softLabels on a flat D', () => {
    tf.tidy(() => {
      const l = tf.tensor2d(LOGITS[3][1]);
      const decided = Array.from(bayesDecision(l, FLAT).dataSync());
      expect(decided.every((c) => Number.isInteger(c) && c >= 0 && c < K)).toBe(true);
      expect(Number.isFinite(hierarchicalDistanceAtK(l, labels, FLAT, 3).dataSync()[0])).toBe(true);
      const t = softLabels(FLAT, labels).arraySync() as number[][];
      t.forEach((row, i) => {
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        const others = row.filter((_, j) => j !== labels[i]);
        for (const v of others) expect(v).toBeCloseTo(others[0], 6);
        expect(row[labels[i]]).toBeGreaterThan(others[0]);
      });
    });
  });
});

describe('distortion needs distances between distinct classes', () => {
  it('distortionLoss on two coincident points of a 2-class D is finite (s = 0 is the least-squares scale)', () => {
    const points = tf.tensor2d([[1, 1], [1, 1]]);
    const out = valueAndGrads((x) => distortionLoss(x as tf.Tensor2D, [[0, 1], [1, 0]]), [points]);
    points.dispose();
    expect(out.nonFinite).toBeNull();
    expect(out.value[0]).toBeCloseTo(1, 6);
  });
});
