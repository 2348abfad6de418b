// Bad-input rows for every public function and constructor of @mgp/metrics.
import * as tf from '@tensorflow/tfjs-core';
import * as m from '@mgp/metrics';
import { D4, LABELS5 } from './fixtures';
import { rowsOf, type Row } from './row';

const NaN_D = D4.map((row, i) => row.map((v, j) => (i + j === 3 ? Number.NaN : v)));
const ASYM_D = D4.map((row, i) => row.map((v, j) => (i === 0 && j === 1 ? 3 : v)));
const D3 = [
  [0, 1, 2],
  [1, 0, 2],
  [2, 2, 0],
];
type T2 = tf.Tensor2D;

/** Rows shared by the four functions of (logits, labels, D): averageCost, mistakeSeverity, emdLoss, softLabelCrossEntropy. */
function costFunctionRows(name: 'averageCost' | 'mistakeSeverity' | 'emdLoss' | 'softLabelCrossEntropy'): Row[] {
  const fn = m[name] as (logits: tf.Tensor, labels: unknown, D: unknown, o?: object) => tf.Tensor;
  return rowsOf(`metrics.${name}`, undefined, [
    ['type', 'logits not a tensor', () => fn([[1, 2, 3, 4]] as unknown as tf.Tensor, [0], D4), 'logits'],
    ['rank', 'logits of rank 1', (f) => fn(f.rank1, [0], D4), 'logits'],
    ['rank', 'logits of rank 3', (f) => fn(f.rank3, [0, 1, 2, 3], D4), 'logits'],
    ['dtype', 'int32 logits', (f) => fn(f.logitsInt, LABELS5, D4), 'logits'],
    ['empty', 'no rows', (f) => fn(f.empty, [], D4), 'logits'],
    ['disposed', 'disposed logits', (f) => fn(f.disposed, [0, 1], D4), 'logits'],
    ['label', 'a label out of range', (f) => fn(f.logits, [0, 1, 4, 3, 0], D4), 'labels'],
    ['label', 'a negative label', (f) => fn(f.logits, [0, -1, 2, 3, 0], D4), 'labels'],
    ['NaN', 'a NaN label', (f) => fn(f.logits, [0, Number.NaN, 2, 3, 0], D4), 'labels'],
    ['shape', 'too few labels', (f) => fn(f.logits, [0, 1], D4), 'labels'],
    ['shape', 'labels of the wrong shape', (f) => fn(f.logits, f.labelsTensor2d, D4), 'labels'],
    ['mismatched K', 'D of 3 classes for 4 logits', (f) => fn(f.logits, LABELS5, D3), 'D'],
    ['NaN', 'NaN in D', (f) => fn(f.logits, LABELS5, NaN_D), 'D'],
    ['NaN', 'NaN in a D tensor', (f) => fn(f.logits, LABELS5, f.DTensorNaN), 'D'],
    ['shape', 'asymmetric D', (f) => fn(f.logits, LABELS5, ASYM_D), 'D'],
    ['option', 'ignoreIndex 0.5', (f) => fn(f.logits, LABELS5, D4, { ignoreIndex: 0.5 }), 'options.ignoreIndex'],
  ]);
}

/** Rows shared by the segment reductions. */
function segmentRows(name: 'segmentSum' | 'segmentMean' | 'segmentMax' | 'segmentLogSumExp' | 'segmentSoftmax'): Row[] {
  const fn = m[name] as (x: tf.Tensor, ids: unknown, n: unknown, o?: object) => tf.Tensor;
  return rowsOf(`metrics.${name}`, undefined, [
    ['type', 'x not a tensor', () => fn([1, 2] as unknown as tf.Tensor, [0, 0], 1), 'x'],
    ['dtype', 'int32 x', (f) => fn(f.logitsInt, [0, 0, 1, 1, 2], 3), 'x'],
    ['rank', 'a scalar x', (f) => fn(f.scalar, [0], 1), 'x'],
    ['option', 'axis out of range', (f) => fn(f.emb, [0, 1, 2], 3, { axis: 2 }), 'axis'],
    ['option', 'fractional axis', (f) => fn(f.emb, [0, 1, 2], 3, { axis: 0.5 }), 'axis'],
    ['shape', 'ids shorter than the axis', (f) => fn(f.emb, [0, 1], 3), 'segmentIds'],
    ['label', 'an id ≥ numSegments', (f) => fn(f.emb, [0, 1, 3, 0, 1], 3), 'segmentIds'],
    ['NaN', 'a NaN id', (f) => fn(f.emb, [0, Number.NaN, 2, 0, 1], 3), 'segmentIds'],
    ['dtype', 'bool ids', (f) => fn(f.emb, f.idsBool, 3), 'segmentIds'],
    ['rank', 'ids of rank 2', (f) => fn(f.emb, f.labelsTensor2d, 3), 'segmentIds'],
    ['option', 'numSegments 0', (f) => fn(f.emb, [0, 0, 0, 0, 0], 0), 'numSegments'],
    ['NaN', 'numSegments NaN', (f) => fn(f.emb, f.ids, Number.NaN), 'numSegments'],
    ['option', "unknown implementation", (f) => fn(f.emb, f.ids, 3, { implementation: 'gpu' }), 'options.implementation'],
  ]);
}

/** Rows shared by the two transposed products: the summed axis is 1 for a·bᵀ and 0 for aᵀ·b. */
function transposedProductRows(name: 'matMulABt' | 'matMulAtB'): Row[] {
  const fn = m[name] as (a: unknown, b: unknown) => tf.Tensor;
  return rowsOf(`metrics.${name}`, undefined, [
    ['type', 'a not a tensor', (f) => fn([[1, 2]], f.emb), 'a'],
    ['rank', 'a of rank 1', (f) => fn(f.rank1, f.emb), 'a'],
    ['dtype', 'int32 a', (f) => fn(f.pointsInt, f.emb), 'a'],
    ['disposed', 'disposed b', (f) => fn(f.emb, f.disposed), 'b'],
    ['shape', 'b whose summed axis does not match', (f) => fn(f.emb, name === 'matMulABt' ? f.emb2 : f.points), 'b'],
  ]);
}

const MATRIX_2x2 = { values: new Float32Array(4), shape: [2, 2] as [number, number] };

export const METRICS_ROWS: Row[] = [
  ...transposedProductRows('matMulABt'),
  ...transposedProductRows('matMulAtB'),
  ...rowsOf('metrics.hostMatMul', undefined, [
    ['type', 'a not a { values, shape } matrix', () => m.hostMatMul([[1, 2]] as unknown as m.HostMatrix, MATRIX_2x2), 'a'],
    ['shape', 'a with fewer values than its shape holds', () => m.hostMatMul({ values: new Float32Array(3), shape: [2, 2] }, MATRIX_2x2), 'a'],
    ['shape', 'a with a fractional size', () => m.hostMatMul({ values: new Float32Array(4), shape: [2.5, 2] as [number, number] }, MATRIX_2x2), 'a'],
    ['shape', "b whose rows do not match a's columns", () => m.hostMatMul(MATRIX_2x2, { values: new Float32Array(6), shape: [3, 2] }), 'b'],
    ['option', 'transposeA not a boolean', () => m.hostMatMul(MATRIX_2x2, MATRIX_2x2, { transposeA: 1 as unknown as boolean }), 'options.transposeA'],
  ]),
  ...rowsOf('metrics.pairwiseDistances', undefined, [
    ['type', 'a not a tensor', () => m.pairwiseDistances([[1, 2]] as unknown as T2), 'a'],
    ['rank', 'a of rank 1', (f) => m.pairwiseDistances(f.rank1 as unknown as T2), 'a'],
    ['dtype', 'int32 a', (f) => m.pairwiseDistances(f.pointsInt), 'a'],
    ['shape', 'b of another feature size', (f) => m.pairwiseDistances(f.emb, f.emb2), 'b'],
    ['dtype', 'int32 b', (f) => m.pairwiseDistances(f.emb, f.embInt), 'b'],
    ['option', 'unknown metric', (f) => m.pairwiseDistances(f.emb, { metric: 'manhattan' as 'cosine' }), 'options.metric'],
    ['disposed', 'a disposed', (f) => m.pairwiseDistances(f.disposed), 'a'],
  ]),
  ...rowsOf('metrics.createRng', undefined, [
    ['type', 'a string seed', () => m.createRng('42' as unknown as number), 'seed'],
    ['NaN', 'a NaN seed', () => m.createRng(Number.NaN), 'seed'],
  ]),
  ...rowsOf('metrics.samplePairs', undefined, [
    ['option', 'count 0', () => m.samplePairs(4, 0), 'count'],
    ['option', 'fractional count', () => m.samplePairs(4, 2.5), 'count'],
  ]),
  ...rowsOf('metrics.samplePairs', undefined, [
    ['option', 'numClasses 1', () => m.samplePairs(1, 3), 'numClasses'],
    ['NaN', 'numClasses NaN', () => m.samplePairs(Number.NaN, 3, 1), 'numClasses'],
    ['option', 'fractional numClasses', () => m.samplePairs(2.5, 3, 1), 'numClasses'],
  ]),
  ...rowsOf('metrics.samplePairs', undefined, [['type', 'a string seed', () => m.samplePairs(4, 3, 'seed' as unknown as number), 'seed']]),
  ...rowsOf('metrics.sampleTriplets', undefined, [['option', 'count -1', () => m.sampleTriplets(4, -1), 'count']]),
  ...rowsOf('metrics.sampleTriplets', undefined, [
    ['option', 'numClasses 2', () => m.sampleTriplets(2, 3), 'numClasses'],
    ['option', 'numClasses Infinity', () => m.sampleTriplets(Number.POSITIVE_INFINITY, 3, 1), 'numClasses'],
    ['option', 'fractional ignoreIndex', () => m.sampleTriplets(4, 3, 1, { ignoreIndex: 1.5 }), 'ignoreIndex'],
  ]),
  ...(['distortion', 'optimalScale', 'scaleFreeDistortion', 'distortionLoss'] as const).flatMap((name) => {
    const fn = m[name] as (p: tf.Tensor, D: unknown, o?: object) => unknown;
    return rowsOf(`metrics.${name}`, undefined, [
      ['type', 'points not a tensor', () => fn([[0, 1]] as unknown as tf.Tensor, D4), 'points'],
      ['rank', 'points of rank 1', (f) => fn(f.rank1, D4), 'points'],
      ['dtype', 'int32 points', (f) => fn(f.pointsInt, D4), 'points'],
      ['shape', 'one point', (f) => fn(f.points1, [[0]]), 'points'],
      ['mismatched K', '5 points, D of 4 classes', (f) => fn(f.points5, D4), 'D'],
      ['NaN', 'NaN in D', (f) => fn(f.points, NaN_D), 'D'],
      ['shape', 'asymmetric D', (f) => fn(f.points, ASYM_D), 'D'],
      ['shape', 'zero off the diagonal of D', (f) => fn(f.points, D4.map((r, i) => r.map((v, j) => (i + j === 1 ? 0 : v)))), 'D'],
      ['type', 'D a string', (f) => fn(f.points, 'D4'), 'D'],
      ['option', 'unknown metric', (f) => fn(f.points, D4, { metric: 'l1' }), 'options.metric'],
      ['NaN', 'a D function returning NaN', (f) => fn(f.points, () => [Number.NaN]), 'D'],
    ]);
  }),
  ...rowsOf('metrics.distortionLoss', undefined, [
    ['option', 'scaleFree not a boolean', (f) => m.distortionLoss(f.points, D4, { scaleFree: 'yes' as unknown as boolean }), 'options.scaleFree'],
    ['option', 'pairs 0', (f) => m.distortionLoss(f.points, D4, { pairs: 0 }), 'options.pairs'],
    ['option', 'fractional seed', (f) => m.distortionLoss(f.points, D4, { pairs: 5, seed: 0.5 }), 'options.seed'],
  ]),
  ...rowsOf('metrics.rankLoss', undefined, [
    ['type', 'points not a tensor', () => m.rankLoss(null as unknown as T2, D4, { numTriplets: 3 }), 'points'],
    ['dtype', 'int32 points', (f) => m.rankLoss(f.pointsInt, D4, { numTriplets: 3 }), 'points'],
    ['mismatched K', '5 points, D of 4 classes', (f) => m.rankLoss(f.points5, D4, { numTriplets: 3 }), 'D'],
    ['NaN', 'NaN in D', (f) => m.rankLoss(f.points, NaN_D, { numTriplets: 3 }), 'D'],
    ['option', 'neither triplets nor numTriplets', (f) => m.rankLoss(f.points, D4, {}), 'sampling'],
    ['option', 'both triplets and numTriplets', (f) => m.rankLoss(f.points, D4, { numTriplets: 2, triplets: [[0, 1, 2]] }), 'sampling'],
    ['label', 'a triplet class out of range', (f) => m.rankLoss(f.points, D4, { triplets: [[0, 1, 4]] }), 'triplets'],
    ['NaN', 'a NaN in a triplet', (f) => m.rankLoss(f.points, D4, { triplets: [[0, Number.NaN, 2]] }), 'triplets'],
    ['shape', 'triplets of width 2', (f) => m.rankLoss(f.points, D4, { triplets: [[0, 1]] }), 'triplets'],
    ['option', 'numTriplets 0', (f) => m.rankLoss(f.points, D4, { numTriplets: 0 }), 'numTriplets'],
    ['option', 'fractional ignoreIndex', (f) => m.rankLoss(f.points, D4, { numTriplets: 2, ignoreIndex: 0.5 }), 'options.ignoreIndex'],
    ['option', 'unknown metric', (f) => m.rankLoss(f.points, D4, { numTriplets: 2 }, { metric: 'hamming' as 'cosine' }), 'options.metric'],
  ]),
  ...costFunctionRows('averageCost'),
  ...costFunctionRows('mistakeSeverity'),
  ...costFunctionRows('emdLoss'),
  ...costFunctionRows('softLabelCrossEntropy'),
  ...rowsOf('metrics.emdLoss', undefined, [
    ['NaN', 'lambda NaN', (f) => m.emdLoss(f.logits, LABELS5, D4, { lambda: Number.NaN }), 'options.lambda'],
    ['option', 'mu Infinity', (f) => m.emdLoss(f.logits, LABELS5, D4, { mu: Number.POSITIVE_INFINITY }), 'options.mu'],
  ]),
  ...rowsOf('metrics.softLabelCrossEntropy', undefined, [
    ['option', 'negative beta', (f) => m.softLabelCrossEntropy(f.logits, LABELS5, D4, { beta: -1 }), 'options.beta'],
    ['NaN', 'focalGamma NaN', (f) => m.softLabelCrossEntropy(f.logits, LABELS5, D4, { focalGamma: Number.NaN }), 'options.focalGamma'],
    ['shape', 'classWeights of 3', (f) => m.softLabelCrossEntropy(f.logits, LABELS5, D4, { classWeights: [1, 1, 1] }), 'options.classWeights'],
    ['NaN', 'a NaN class weight', (f) => m.softLabelCrossEntropy(f.logits, LABELS5, D4, { classWeights: [1, Number.NaN, 1, 1] }), 'options.classWeights'],
  ]),
  ...rowsOf('metrics.errorRate', undefined, [
    ['rank', 'logits of rank 1', (f) => m.errorRate(f.rank1, [0]), 'logits'],
    ['dtype', 'int32 logits', (f) => m.errorRate(f.logitsInt, LABELS5), 'logits'],
    ['label', 'a label out of range', (f) => m.errorRate(f.logits, [0, 1, 2, 3, 4]), 'labels'],
    ['shape', 'NHWC logits with flat labels of the wrong size', (f) => m.errorRate(f.logitsNhwc, [0, 1, 2]), 'labels'],
    ['option', 'ignoreIndex NaN', (f) => m.errorRate(f.logits, LABELS5, { ignoreIndex: Number.NaN }), 'options.ignoreIndex'],
  ]),
  ...rowsOf('metrics.hierarchicalDistanceAtK', undefined, [
    ['dtype', 'int32 logits', (f) => m.hierarchicalDistanceAtK(f.logitsInt, LABELS5, D4, 1), 'logits'],
    ['label', 'a label out of range', (f) => m.hierarchicalDistanceAtK(f.logits, [9, 0, 0, 0, 0], D4, 1), 'labels'],
    ['mismatched K', 'D of 3 classes', (f) => m.hierarchicalDistanceAtK(f.logits, LABELS5, D3, 1), 'D'],
    ['option', 'k 0', (f) => m.hierarchicalDistanceAtK(f.logits, LABELS5, D4, 0), 'k'],
    ['option', 'k above K', (f) => m.hierarchicalDistanceAtK(f.logits, LABELS5, D4, 5), 'k'],
    ['option', 'unknown mode', (f) => m.hierarchicalDistanceAtK(f.logits, LABELS5, D4, 2, { mode: 'min' as 'top' }), 'options.mode'],
  ]),
  ...rowsOf('metrics.bayesDecision', undefined, [
    ['dtype', 'int32 logits', (f) => m.bayesDecision(f.logitsInt, D4), 'logits'],
    ['rank', 'logits of rank 1', (f) => m.bayesDecision(f.rank1, D4), 'logits'],
    ['mismatched K', 'D of 3 classes', (f) => m.bayesDecision(f.logits, D3), 'D'],
    ['NaN', 'NaN in D', (f) => m.bayesDecision(f.logits, NaN_D), 'D'],
  ]),
  ...rowsOf('metrics.softLabels', undefined, [
    ['NaN', 'NaN in D', () => m.softLabels(NaN_D, [0]), 'D'],
    ['shape', 'D not square', () => m.softLabels([[0, 1, 2], [1, 0, 2]], [0]), 'D'],
    ['label', 'a label out of range', () => m.softLabels(D4, [4]), 'labels'],
    ['type', 'labels a string', () => m.softLabels(D4, '0' as unknown as number[]), 'labels'],
    ['option', 'negative beta', () => m.softLabels(D4, [0], { beta: -2 }), 'options.beta'],
  ]),
  ...rowsOf('metrics.separationLoss', undefined, [
    ['rank', 'prototypes of rank 1', (f) => m.separationLoss(f.rank1 as unknown as T2), 'prototypes'],
    ['dtype', 'int32 prototypes', (f) => m.separationLoss(f.pointsInt), 'prototypes'],
    ['shape', 'one prototype', (f) => m.separationLoss(f.points1), 'prototypes'],
    ['disposed', 'disposed prototypes', (f) => m.separationLoss(f.disposed), 'prototypes'],
  ]),
  ...rowsOf('metrics.hypersphericalLoss', undefined, [
    ['rank', 'scores of rank 3', (f) => m.hypersphericalLoss(f.rank3, [0, 0]), 'scores'],
    ['dtype', 'int32 scores', (f) => m.hypersphericalLoss(f.logitsInt, LABELS5), 'scores'],
    ['label', 'a label out of range', (f) => m.hypersphericalLoss(f.logits, [0, 0, 0, 0, 7]), 'labels'],
    ['option', 'unknown reduction', (f) => m.hypersphericalLoss(f.logits, LABELS5, { reduction: 'avg' as 'mean' }), 'options.reduction'],
    ['NaN', 'a NaN class weight', (f) => m.hypersphericalLoss(f.logits, LABELS5, { classWeights: [1, 1, Number.NaN, 1] }), 'options.classWeights'],
  ]),
  ...rowsOf('metrics.ErrorRateMeter', undefined, [['option', 'ignoreIndex 1.5', () => new m.ErrorRateMeter({ ignoreIndex: 1.5 }), 'options.ignoreIndex']]),
  ...(['AverageCostMeter', 'MistakeSeverityMeter'] as const).flatMap((name) =>
    rowsOf(`metrics.${name}`, undefined, [
      ['NaN', 'NaN in D', () => new m[name](NaN_D), 'D'],
      ['type', 'D missing', () => new m[name](undefined as unknown as number[][]), 'D'],
      ['option', 'ignoreIndex NaN', () => new m[name](D4, { ignoreIndex: Number.NaN }), 'options.ignoreIndex'],
    ]),
  ),
  ...rowsOf('metrics.HierarchicalDistanceMeter', undefined, [
    ['shape', 'asymmetric D', () => new m.HierarchicalDistanceMeter(ASYM_D, 1), 'D'],
    ['option', 'k above K', () => new m.HierarchicalDistanceMeter(D4, 5), 'k'],
    ['option', 'unknown mode', () => new m.HierarchicalDistanceMeter(D4, 1, { mode: 'best' as 'top' }), 'options.mode'],
  ]),
  ...(['error', 'cost', 'severity', 'hdist'] as const).flatMap((meter) => {
    const cls = { error: 'ErrorRateMeter', cost: 'AverageCostMeter', severity: 'MistakeSeverityMeter', hdist: 'HierarchicalDistanceMeter' }[meter];
    const rows: Parameters<typeof rowsOf>[2] = [
      ['dtype', 'int32 logits', (f) => f.meters[meter].update(f.logitsInt, LABELS5), 'logits'],
      ['label', 'a label out of range', (f) => f.meters[meter].update(f.logits, [0, 1, 2, 3, 4]), 'labels'],
    ];
    if (meter !== 'error') rows.push(['mismatched K', 'logits of 3 classes for a 4-class D', (f) => f.meters[meter].update(f.logits3, LABELS5), 'logits']);
    return rowsOf(`metrics.${cls}#update`, `${cls}.update`, rows);
  }),
  ...rowsOf('metrics.assertTensor', 'myFn', [['type', 'an array', () => m.assertTensor('myFn', 'x', [1]), 'x']]),
  ...rowsOf('metrics.assertRank', 'myFn', [['rank', 'rank 1 for rank 2', (f) => m.assertRank('myFn', 'x', f.rank1, [2]), 'x']]),
  ...rowsOf('metrics.assertFloat', 'myFn', [['dtype', 'int32', (f) => m.assertFloat('myFn', 'x', f.logitsInt), 'x']]),
  ...rowsOf('metrics.assertDim', 'myFn', [['shape', 'axis 1 of 3 for 4', (f) => m.assertDim('myFn', 'x', f.emb, 1, 4, 'the reason'), 'x']]),
  ...rowsOf('metrics.assertNonEmpty', 'myFn', [['empty', 'size 0', (f) => m.assertNonEmpty('myFn', 'x', f.empty), 'x']]),
  ...rowsOf('metrics.assertOneOf', 'myFn', [['option', 'not allowed', () => m.assertOneOf('myFn', 'mode', 'c', ['a', 'b']), 'mode']]),
  ...rowsOf('metrics.assertNumber', 'myFn', [['NaN', 'NaN', () => m.assertNumber('myFn', 'n', Number.NaN), 'n']]),
  ...rowsOf('metrics.readLabels', 'myFn', [['label', 'out of range', () => m.readLabels('myFn', 'y', [3], { numClasses: 3 }), 'y']]),
  ...rowsOf('metrics.readCostMatrix', 'myFn', [['NaN', 'NaN in D', () => m.readCostMatrix('myFn', 'cost', NaN_D), 'cost']]),
  ...segmentRows('segmentSum'),
  ...segmentRows('segmentMean'),
  ...segmentRows('segmentMax'),
  ...segmentRows('segmentLogSumExp'),
  ...segmentRows('segmentSoftmax'),
  ...rowsOf('metrics.readSegmentLayout', 'myFn', [
    ['label', 'an id out of range', () => m.readSegmentLayout('myFn', [0, 5], 3, 2), 'segmentIds'],
    ['option', 'numSegments 0', () => m.readSegmentLayout('myFn', [0, 0], 0, 2), 'numSegments'],
  ]),
  ...rowsOf('metrics.segmentLayoutOf', 'myFn', [['label', 'an id out of range', () => m.segmentLayoutOf('myFn', {}, 2, 2, () => [0, 2]), 'segmentIds']]),
  ...rowsOf('metrics.checkSegmentIds', 'myFn', [['NaN', 'a NaN id', () => m.checkSegmentIds('myFn', 'ids', [Number.NaN], 2, 1), 'ids']]),
  ...rowsOf('metrics.readSegmentView', 'myFn', [
    ['dtype', 'int32 x', (f) => m.readSegmentView('myFn', f.logitsInt, 0), 'x'],
    ['option', 'axis out of range', (f) => m.readSegmentView('myFn', f.emb, -3), 'axis'],
  ]),
];
