// Bad input to every public function: an MgpInputError naming the argument, thrown before any tensor
// work, leaving no tensors behind.
import * as tf from '@tensorflow/tfjs-core';
import { useTestBackend } from '@mgp/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  averageCost,
  bayesDecision,
  distortion,
  distortionLoss,
  emdLoss,
  hierarchicalDistanceAtK,
  hypersphericalLoss,
  MgpInputError,
  mistakeSeverity,
  optimalScale,
  rankLoss,
  scaleFreeDistortion,
  separationLoss,
  softLabelCrossEntropy,
  softLabels,
  AverageCostMeter,
  HierarchicalDistanceMeter,
} from './index';

const good = [
  [0, 1, 2, 2],
  [1, 0, 2, 2],
  [2, 2, 0, 1],
  [2, 2, 1, 0],
];
const bad: Record<string, [unknown, RegExp]> = {
  'not square': [[[0, 1, 2], [1, 0, 1]], /argument 'D' must be a square \[K, K\] cost matrix/],
  'size ≠ K': [[[0, 1, 1], [1, 0, 1], [1, 1, 0]], /argument 'D' must be 4×4 .*; got 3×3/],
  negative: [good.map((r, i) => r.map((v, j) => (i === 0 && j === 1) || (i === 1 && j === 0) ? -1 : v)), /argument 'D' must be non-negative; got D\[0\]\[1\] = -1/],
  NaN: [good.map((r, i) => r.map((v, j) => (i === 2 && j === 3 ? Number.NaN : v))), /argument 'D' must be finite; got D\[2\]\[3\] = NaN/],
  asymmetric: [good.map((r, i) => r.map((v, j) => (i === 0 && j === 3 ? 4 : v))), /argument 'D' must be symmetric; D\[0\]\[3\] = 4 but D\[3\]\[0\] = 2/],
  'non-zero diagonal': [good.map((r, i) => r.map((v, j) => (i === 1 && j === 1 ? 1 : v))), /argument 'D' must have a zero diagonal; got D\[1\]\[1\] = 1/],
};

let points: tf.Tensor2D;
let logits: tf.Tensor2D;
let logits4: tf.Tensor4D;
let rank3: tf.Tensor;
let labels: number[];

beforeAll(async () => {
  await useTestBackend();
  points = tf.randomNormal([4, 3]);
  logits = tf.randomNormal([5, 4]);
  logits4 = tf.randomNormal([1, 2, 3, 4]);
  rank3 = tf.zeros([4, 3, 1]);
  labels = [0, 1, 2, 3, 1];
});
afterAll(() => tf.dispose([points, logits, logits4, rank3]));

/** Expects the call to throw an MgpInputError matching `message`, with no tensor left behind. */
function expectInputError(call: () => unknown, message: RegExp): void {
  const before = tf.memory().numTensors;
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'an MgpInputError').toBeInstanceOf(MgpInputError);
  expect((thrown as Error).message).toMatch(message);
  expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
}

const byD: Array<[string, (D: unknown) => unknown]> = [
  ['distortion', (D) => distortion(points, D as number[][])],
  ['optimalScale', (D) => optimalScale(points, D as number[][])],
  ['scaleFreeDistortion', (D) => scaleFreeDistortion(points, D as number[][])],
  ['distortionLoss', (D) => distortionLoss(points, D as number[][])],
  ['rankLoss', (D) => rankLoss(points, D as number[][], { numTriplets: 4, seed: 1 })],
  ['averageCost', (D) => averageCost(logits, labels, D as number[][])],
  ['mistakeSeverity', (D) => mistakeSeverity(logits, labels, D as number[][])],
  ['hierarchicalDistanceAtK', (D) => hierarchicalDistanceAtK(logits, labels, D as number[][], 2)],
  ['bayesDecision', (D) => bayesDecision(logits, D as number[][])],
  ['emdLoss', (D) => emdLoss(logits, labels, D as number[][])],
  ['softLabelCrossEntropy', (D) => softLabelCrossEntropy(logits, labels, D as number[][])],
  ['AverageCostMeter', (D) => new AverageCostMeter(D as number[][])],
];

describe.each(byD)('%s rejects a bad D', (name, call) => {
  it.each(Object.entries(bad))('%s', (what, [D, message]) => {
    // The meters take D alone, so they cannot know K.
    if (what === 'size ≠ K' && name === 'AverageCostMeter') return;
    expectInputError(() => call(D), new RegExp(`^${name}: ${message.source}`));
    if (what === 'size ≠ K') return;
    const Dt = tf.tensor2d(D as number[][]);
    expectInputError(() => call(Dt), message);
    Dt.dispose();
  });
});

describe('bad D of any other kind', () => {
  it('a tensor D is checked the same way', () => {
    const Dt = tf.tensor2d(bad.asymmetric[0] as number[][]);
    expectInputError(() => distortionLoss(points, Dt), /^distortionLoss: argument 'D' must be symmetric/);
    Dt.dispose();
  });

  it('distortion needs D > 0 off the diagonal (it divides by D)', () => {
    const zero = good.map((r, i) => r.map((v, j) => (i + j === 1 ? 0 : v)));
    for (const f of [distortion, distortionLoss, scaleFreeDistortion, optimalScale]) {
      expectInputError(() => f(points, zero), /argument 'D' must be > 0 off the diagonal .*D\[0\]\[1\] = 0/);
    }
    // The rank loss and cost metrics accept zero costs between distinct classes.
    tf.dispose(rankLoss(points, zero, { numTriplets: 3, seed: 1 }));
  });

  it('a tensor D checked once is still refused for zero costs on every later call, by every loss', () => {
    const zero = tf.tensor2d(good.map((r, i) => r.map((v, j) => (i + j === 5 ? 0 : v))));
    tf.dispose(rankLoss(points, zero, { numTriplets: 3, seed: 1 })); // accepted, and now cached
    for (let call = 0; call < 2; call++) {
      expectInputError(() => distortionLoss(points, zero), /must be > 0 off the diagonal .*D\[2\]\[3\] = 0/);
    }
    zero.dispose();
  });

  it('a variable D is checked again after assign() gives it new values', () => {
    const D = tf.variable(tf.tensor2d(good));
    tf.dispose(distortionLoss(points, D)); // valid, cached
    D.assign(tf.tensor2d(bad.asymmetric[0] as number[][]));
    expectInputError(() => distortionLoss(points, D), /^distortionLoss: argument 'D' must be symmetric/);
    D.assign(tf.tensor2d(good));
    tf.dispose(distortionLoss(points, D));
    D.dispose();
  });
});

describe('bad labels', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['out of range', [0, 1, 4, 3, 1], /argument 'labels' must hold labels in \[0, 3\]; got 4 at index 2/],
    ['negative', [0, -1, 2, 3, 1], /argument 'labels' must hold labels in \[0, 3\]; got -1 at index 1/],
    ['not integers', [0, 1, 2.5, 3, 1], /argument 'labels' must hold integer class labels; got 2.5 at index 2/],
    ['wrong length', [0, 1, 2], /argument 'labels' must have shape \[5\]/],
    ['not labels', 'abc', /argument 'labels' must be a tensor or an array/],
  ];
  const fns: Array<[string, (y: unknown) => unknown]> = [
    ['averageCost', (y) => averageCost(logits, y as number[], good)],
    ['mistakeSeverity', (y) => mistakeSeverity(logits, y as number[], good)],
    ['hierarchicalDistanceAtK', (y) => hierarchicalDistanceAtK(logits, y as number[], good, 2)],
    ['emdLoss', (y) => emdLoss(logits, y as number[], good)],
    ['softLabelCrossEntropy', (y) => softLabelCrossEntropy(logits, y as number[], good)],
    ['hypersphericalLoss', (y) => hypersphericalLoss(logits, y as number[])],
  ];
  it.each(fns)('%s', (name, call) => {
    for (const [, y, message] of cases) expectInputError(() => call(y), new RegExp(`^${name}: ${message.source}`));
    const y = tf.tensor1d([0, 1, 4, 3, 1], 'int32');
    expectInputError(() => call(y), /got 4 at index 2/);
    y.dispose();
  });

  it('softLabels and the ignore index', () => {
    expectInputError(() => softLabels(good, [0, 7]), /^softLabels: argument 'labels' must hold labels in \[0, 3\]; got 7/);
    expectInputError(() => averageCost(logits, labels, good, { ignoreIndex: 0.5 }), /argument 'options.ignoreIndex' must be an integer/);
    tf.dispose(averageCost(logits, [0, 1, -100, 3, 1], good, { ignoreIndex: -100 }));
  });
});

describe('wrong ranks, shapes and options', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['distortion rank-3 points', () => distortion(rank3 as tf.Tensor2D, good), /^distortion: argument 'points' must have rank 2/],
    ['distortionLoss plain-array points', () => distortionLoss([[1, 2]] as unknown as tf.Tensor2D, good), /argument 'points' must be a tf.Tensor/],
    ['distortionLoss one point', () => distortionLoss(tf.zeros([1, 3]) as tf.Tensor2D, [[0]]), /argument 'points' must hold at least 2 points/],
    ['distortionLoss metric', () => distortionLoss(points, good, { metric: 'l1' as 'cosine' }), /argument 'options.metric' must be one of 'euclidean', 'sqeuclidean', 'cosine'/],
    ['distortionLoss pairs', () => distortionLoss(points, good, { pairs: 0 }), /argument 'options.pairs' must be an integer >= 1/],
    ['rankLoss both samplings', () => rankLoss(points, good, { numTriplets: 3, triplets: [[0, 1, 2]] }), /argument 'sampling' must give exactly one of/],
    ['rankLoss triplet out of range', () => rankLoss(points, good, { triplets: [[0, 1, 9]] }), /argument 'triplets' must hold integer class indices in \[0, 3\]; got 9 at \[0\]\[2\]/],
    ['rankLoss triplet shape', () => rankLoss(points, good, { triplets: [[0, 1]] }), /argument 'triplets' must be \[T, 3\]/],
    ['averageCost rank-3 logits', () => averageCost(rank3, [0, 1, 2, 3], good), /^averageCost: argument 'logits' must have rank 2 or 4/],
    ['averageCost rank-1 logits', () => averageCost(tf.zeros([4]), [0], good), /argument 'logits' must have rank 2 or 4/],
    ['averageCost int logits', () => averageCost(tf.zeros([5, 4], 'int32'), labels, good), /argument 'logits' must be float32/],
    ['rank-4 labels shape', () => averageCost(logits4, [[0, 1, 2]] as unknown as number[], good), /argument 'labels' must have shape \[1, 2, 3\]/],
    ['hdist k', () => hierarchicalDistanceAtK(logits, labels, good, 5), /argument 'k' must be an integer >= 1 <= 4/],
    ['hdist mode', () => hierarchicalDistanceAtK(logits, labels, good, 2, { mode: 'mean' as 'avg' }), /argument 'options.mode' must be one of 'avg', 'top'/],
    ['hdist meter k', () => new HierarchicalDistanceMeter(good, 0), /argument 'k' must be an integer >= 1/],
    ['emd lambda', () => emdLoss(logits, labels, good, { lambda: Number.NaN }), /argument 'options.lambda' must be a finite number/],
    ['soft beta', () => softLabelCrossEntropy(logits, labels, good, { beta: -1 }), /argument 'options.beta' must be a finite number >= 0/],
    ['class weights', () => softLabelCrossEntropy(logits, labels, good, { classWeights: [1, 2] }), /argument 'options.classWeights' must hold one weight per class \(4\)/],
    ['class weights negative', () => hypersphericalLoss(logits, labels, { classWeights: [1, 2, -1, 1] }), /argument 'options.classWeights' must be finite and non-negative; got -1 at index 2/],
    ['reduction', () => hypersphericalLoss(logits, labels, { reduction: 'avg' as 'sum' }), /argument 'options.reduction' must be one of/],
    ['separation rank', () => separationLoss(rank3 as tf.Tensor2D), /^separationLoss: argument 'prototypes' must have rank 2/],
  ];
  it.each(cases)('%s', (_, call, message) => {
    // Arguments built inside `call` (tf.zeros) exist before the check: count them out.
    const before = tf.memory().numTensors;
    let thrown: unknown;
    const kept = tf.tidy(() => {
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      return tf.memory().numTensors;
    });
    expect(thrown).toBeInstanceOf(MgpInputError);
    expect((thrown as Error).message).toMatch(message);
    expect(tf.memory().numTensors).toBe(before);
    expect(kept).toBeLessThanOrEqual(before + 1); // at most the argument made for the call
  });
});

describe('MgpInputError across packages', () => {
  it('recognizes errors of its shape made without the class (adapters, a second copy of this package)', () => {
    const shaped = Object.assign(new Error("useBackend: argument 'options' must be an object; got 3"), { name: 'MgpInputError', fn: 'useBackend', argument: 'options' });
    expect(shaped).toBeInstanceOf(MgpInputError);
    expect(new MgpInputError('f', 'x', 'must be 1; got 2')).toBeInstanceOf(MgpInputError);
    expect(new MgpInputError('f', 'x', 'must be 1; got 2')).toBeInstanceOf(Error);
  });

  it('does not claim other errors', () => {
    expect(Object.assign(new Error('x'), { name: 'MgpInputError' })).not.toBeInstanceOf(MgpInputError); // no fn / argument
    expect(Object.assign(new Error('x'), { fn: 'f', argument: 'a' })).not.toBeInstanceOf(MgpInputError); // another name
    expect({ name: 'MgpInputError', fn: 'f', argument: 'a' }).not.toBeInstanceOf(MgpInputError); // not an Error
    expect(new TypeError('x')).not.toBeInstanceOf(MgpInputError);
  });
});
