// Bad-input rows for every public function and constructor of @mgp/core (layer methods reached through apply).
import * as tf from '@tensorflow/tfjs-core';
import * as c from '@mgp/core';
import { D4, LABELS5 } from './fixtures';
import { rowsOf, type Row } from './row';

const NaN_D = D4.map((row, i) => row.map((v, j) => (i + j === 3 ? Number.NaN : v)));
type T2 = tf.Tensor2D;
const P3 = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
  [1, 1, 1],
];

export const CORE_ROWS: Row[] = [
  ...rowsOf('core.prototypeLogits', undefined, [
    ['type', 'embeddings not a tensor', (f) => c.prototypeLogits([[1, 2, 3]] as unknown as T2, f.points), 'embeddings'],
    ['rank', 'embeddings of rank 3', (f) => c.prototypeLogits(f.rank3, f.points), 'embeddings'],
    ['dtype', 'int32 embeddings', (f) => c.prototypeLogits(f.embInt, f.points), 'embeddings'],
    ['shape', 'embeddings of another d', (f) => c.prototypeLogits(f.emb2, f.points), 'embeddings'],
    ['rank', 'prototypes of rank 1', (f) => c.prototypeLogits(f.emb, f.rank1 as unknown as T2), 'prototypes'],
    ['dtype', 'int32 prototypes', (f) => c.prototypeLogits(f.emb, f.pointsInt), 'prototypes'],
    ['empty', 'no prototypes', (f) => c.prototypeLogits(f.emb, f.empty), 'prototypes'],
    ['disposed', 'disposed embeddings', (f) => c.prototypeLogits(f.disposed, f.points), 'embeddings'],
    ['option', 'unknown metric', (f) => c.prototypeLogits(f.emb, f.points, { metric: 'manhattan' as 'cosine' }), 'metric'],
    ['option', 'delta 0', (f) => c.prototypeLogits(f.emb, f.points, { metric: 'pseudoHuber', delta: 0 }), 'delta'],
    ['NaN', 'delta NaN', (f) => c.prototypeLogits(f.emb, f.points, { metric: 'pseudoHuber', delta: Number.NaN }), 'delta'],
  ]),
  ...rowsOf('core.LearntPrototypes', undefined, [
    ['type', 'args null', () => new c.LearntPrototypes(null as unknown as c.LearntPrototypesArgs), 'args'],
    ['type', 'args a number', () => new c.LearntPrototypes(3 as unknown as c.LearntPrototypesArgs), 'args'],
    ['option', 'neither numPrototypes nor initialPrototypes', () => new c.LearntPrototypes({}), 'numPrototypes'],
    ['option', 'numPrototypes 0', () => new c.LearntPrototypes({ numPrototypes: 0 }), 'numPrototypes'],
    ['option', 'fractional numPrototypes', () => new c.LearntPrototypes({ numPrototypes: 2.5 }), 'numPrototypes'],
    ['mismatched K', 'numPrototypes ≠ rows of initialPrototypes', () => new c.LearntPrototypes({ numPrototypes: 3, initialPrototypes: P3 }), 'initialPrototypes'],
    ['NaN', 'NaN in initialPrototypes', () => new c.LearntPrototypes({ initialPrototypes: [[1, Number.NaN]] }), 'initialPrototypes'],
    ['shape', 'ragged initialPrototypes', () => new c.LearntPrototypes({ initialPrototypes: [[1, 2], [3]] }), 'initialPrototypes'],
    ['rank', 'initialPrototypes a rank-1 tensor', (f) => new c.LearntPrototypes({ initialPrototypes: f.rank1 as unknown as T2 }), 'initialPrototypes'],
    ['disposed', 'initialPrototypes disposed', (f) => new c.LearntPrototypes({ initialPrototypes: f.disposed }), 'initialPrototypes'],
    ['option', 'unknown metric', () => new c.LearntPrototypes({ numPrototypes: 3, metric: 'l1' as 'cosine' }), 'metric'],
    ['option', 'negative delta', () => new c.LearntPrototypes({ numPrototypes: 3, metric: 'pseudoHuber', delta: -1 }), 'delta'],
    ['mismatched K', 'a regularizer of 4 classes on 3 prototypes', () => new c.LearntPrototypes({ numPrototypes: 3, prototypesRegularizer: c.metricGuidedRegularizer(D4) }), 'prototypesRegularizer'],
    ['type', 'a regularizer that is not one', () => new c.LearntPrototypes({ numPrototypes: 3, prototypesRegularizer: { apply: () => 0 } as unknown as c.Regularizer }), 'prototypesRegularizer'],
    ['type', 'an initializer that is not one', () => new c.LearntPrototypes({ numPrototypes: 3, prototypesInitializer: 'zeros' as unknown as never }), 'prototypesInitializer'],
  ]),
  ...rowsOf('core.LearntPrototypes#build', 'LearntPrototypes', [
    ['rank', 'inputs of rank 3', (f) => f.fresh.learnt().apply(f.symbolic([2, 3])), 'inputs'],
    ['shape', 'inputs of another d than initialPrototypes', (f) => f.fresh.learnt().apply(f.symbolic([2])), 'inputs'],
  ]),
  ...rowsOf('core.LearntPrototypes#call', 'LearntPrototypes', [
    ['dtype', 'int32 inputs', (f) => f.learnt.apply(f.embInt), 'inputs'],
    ['shape', 'inputs of another d', (f) => f.learnt.apply(f.emb2), 'inputs'],
    ['rank', 'inputs of rank 3', (f) => f.learnt.apply(f.rank3), 'inputs'],
  ]),
  ...rowsOf('core.HypersphericalPrototypes', undefined, [
    ['type', 'no arguments object', () => new c.HypersphericalPrototypes(undefined as unknown as c.HypersphericalPrototypesArgs), 'args'],
    ['type', 'args null', () => new c.HypersphericalPrototypes(null as unknown as c.HypersphericalPrototypesArgs), 'args'],
    ['option', 'no prototypes', () => new c.HypersphericalPrototypes({}), 'prototypes'],
    ['NaN', 'NaN in prototypes', () => new c.HypersphericalPrototypes({ prototypes: [[1, 0], [Number.NaN, 1]] }), 'prototypes'],
    ['shape', 'a zero prototype row', () => new c.HypersphericalPrototypes({ prototypes: [[1, 0], [0, 0]] }), 'prototypes'],
    ['mismatched K', 'numPrototypes ≠ rows of prototypes', () => new c.HypersphericalPrototypes({ prototypes: P3, numPrototypes: 3 }), 'numPrototypes'],
    ['option', 'unknown score', () => new c.HypersphericalPrototypes({ prototypes: P3, score: 'dot' as 'cosine' }), 'score'],
  ]),
  ...rowsOf('core.HypersphericalPrototypes#build', 'HypersphericalPrototypes', [
    ['shape', 'inputs of another d', (f) => f.fresh.sphere().apply(f.symbolic([4])), 'inputs'],
    ['rank', 'inputs of rank 3', (f) => f.fresh.sphere().apply(f.symbolic([4, 3])), 'inputs'],
  ]),
  ...rowsOf('core.HypersphericalPrototypes#call', 'HypersphericalPrototypes', [
    ['dtype', 'int32 inputs', (f) => f.sphere.apply(f.embInt), 'inputs'],
    ['shape', 'inputs of another d', (f) => f.sphere.apply(f.emb2), 'inputs'],
  ]),
  ...(['MetricGuidedRegularizer', 'metricGuidedRegularizer'] as const).flatMap((name) => {
    const make = (D: unknown, o: object = {}) => (name === 'metricGuidedRegularizer' ? c.metricGuidedRegularizer(D as number[][], o) : new c.MetricGuidedRegularizer({ ...o, D: D as number[][] }));
    return rowsOf(`core.${name}`, 'metricGuidedRegularizer', [
      ['NaN', 'NaN in D', () => make(NaN_D), 'D'],
      ['NaN', 'NaN in a D tensor', (f) => make(f.DTensorNaN), 'D'],
      ['shape', 'D not square', () => make([[0, 1]]), 'D'],
      ['shape', 'a 1×1 D (one class)', () => make([[0]]), 'D'],
      ['shape', 'a 2×2 D for the rank loss', () => make([[0, 1], [1, 0]], { kind: 'rank' }), 'D'],
      ['type', 'D missing', () => make(undefined), 'D'],
      ['option', 'unknown kind', () => make(D4, { kind: 'triplet' }), 'kind'],
      ['NaN', 'weight NaN', () => make(D4, { weight: Number.NaN }), 'weight'],
      ['option', 'negative weight', () => make(D4, { weight: -0.1 }), 'weight'],
      ['option', 'unknown metric', () => make(D4, { metric: 'sqeuclidean' }), 'metric'],
      ['option', 'scaleFree not a boolean', () => make(D4, { scaleFree: 1 }), 'scaleFree'],
      ['option', 'pairs 0', () => make(D4, { pairs: 0 }), 'pairs'],
      ['option', 'fractional numTriplets', () => make(D4, { kind: 'rank', numTriplets: 2.5 }), 'numTriplets'],
      ['option', 'fractional seed', () => make(D4, { seed: 1.5 }), 'seed'],
    ]);
  }),
  ...rowsOf('core.metricGuidedRegularizer', undefined, [['type', 'options not an object', () => c.metricGuidedRegularizer(D4, 3 as unknown as object), 'options']]),
  ...rowsOf('core.MetricGuidedRegularizer.fromConfig', 'metricGuidedRegularizer', [
    ['NaN', 'a config with NaN in its cost matrix', () => c.MetricGuidedRegularizer.fromConfig(c.MetricGuidedRegularizer, { costMatrix: NaN_D }), 'D'],
    ['type', 'a config without a cost matrix', () => c.MetricGuidedRegularizer.fromConfig(c.MetricGuidedRegularizer, { weight: 1 }), 'D'],
  ]),
  ...rowsOf('core.MetricGuidedRegularizer#apply', 'distortionLoss', [
    ['mismatched K', '5 prototypes for a 4-class D', (f) => c.metricGuidedRegularizer(D4).apply(f.points5), 'D'],
    ['dtype', 'int32 prototypes', (f) => c.metricGuidedRegularizer(D4).apply(f.pointsInt), 'points'],
    ['rank', 'prototypes of rank 1', (f) => c.metricGuidedRegularizer(D4).apply(f.rank1), 'points'],
  ]),
  ...rowsOf('core.embedMetric', undefined, [
    ['NaN', 'NaN in D', () => c.embedMetric(NaN_D, 2), 'D'],
    ['option', 'dim 0', () => c.embedMetric(D4, 0), 'dim'],
    ['NaN', 'dim NaN', () => c.embedMetric(D4, Number.NaN), 'dim'],
    ['option', 'unknown loss', () => c.embedMetric(D4, 2, { loss: 'huber' as 'rank' }), 'options.loss'],
    ['option', 'steps 0', () => c.embedMetric(D4, 2, { steps: 0 }), 'options.steps'],
    ['NaN', 'learningRate NaN', () => c.embedMetric(D4, 2, { learningRate: Number.NaN }), 'options.learningRate'],
  ]),
  ...rowsOf('core.embedOnSphere', undefined, [
    ['NaN', 'NaN in D', () => c.embedOnSphere(NaN_D, 3), 'D'],
    ['option', 'dim 1', () => c.embedOnSphere(D4, 1), 'dim'],
    ['option', 'no D and no numClasses', () => c.embedOnSphere(null, 3), 'options.numClasses'],
    ['option', 'negative rankWeight', () => c.embedOnSphere(D4, 3, { rankWeight: -1 }), 'options.rankWeight'],
    ['option', 'restarts 0', () => c.embedOnSphere(D4, 3, { restarts: 0 }), 'options.restarts'],
  ]),
  ...rowsOf('core.loadMgpModel', undefined, [
    ['type', 'source a number', () => c.loadMgpModel(42 as unknown as string), 'source'],
    ['type', 'source an object without load()', () => c.loadMgpModel({} as unknown as tf.io.IOHandler), 'source'],
    ['type', 'a handler whose load() fails', () => c.loadMgpModel({ load: () => Promise.reject(new Error('unreadable')) }), 'source'],
    ['NaN', 'a NaN weight', () => c.loadMgpModel({ load: async () => ({ modelTopology: {}, weightSpecs: [{ name: 'w', shape: [1], dtype: 'float32' }], weightData: Float32Array.of(Number.NaN).buffer }) }), 'source'],
    ['shape', 'weights shorter than the manifest', () => c.loadMgpModel({ load: async () => ({ modelTopology: {}, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }], weightData: new ArrayBuffer(4) }) }), 'source'],
  ]),
  ...rowsOf('core.DeepNCM', undefined, [
    ['type', 'args null', () => new c.DeepNCM(null as unknown as c.DeepNCMArgs), 'args'],
    ['type', 'args a string', () => new c.DeepNCM('four' as unknown as c.DeepNCMArgs), 'args'],
    ['option', 'numClasses 0', () => new c.DeepNCM({ numClasses: 0 }), 'numClasses'],
    ['NaN', 'numClasses NaN', () => new c.DeepNCM({ numClasses: Number.NaN }), 'numClasses'],
    ['mismatched K', 'initialPrototypes of 3 rows for 4 classes', () => new c.DeepNCM({ numClasses: 4, initialPrototypes: P3.slice(0, 3) }), 'initialPrototypes'],
    ['NaN', 'NaN in initialPrototypes', () => new c.DeepNCM({ numClasses: 1, initialPrototypes: [[Number.NaN, 1]] }), 'initialPrototypes'],
  ]),
  ...rowsOf('core.DeepNCM#build', 'DeepNCM', [['rank', 'embeddings of rank 3', (f) => f.fresh.ncm().apply(f.symbolic([2, 2])), 'embeddings']]),
  ...rowsOf('core.DeepNCM#call', 'DeepNCM.logits', [
    ['dtype', 'int32 embeddings', (f) => f.ncm.apply(f.embInt), 'embeddings'],
    ['shape', 'embeddings of another d', (f) => f.ncm.apply(f.emb2), 'embeddings'],
  ]),
  ...rowsOf('core.DeepNCM#call', 'DeepNCM.update', [
    ['label', 'a label out of range in training', (f) => f.ncm.apply([f.emb, f.labelsOutOfRange], { training: true }), 'labels'],
  ]),
  ...rowsOf('core.DeepNCM#update', 'DeepNCM.update', [
    ['label', 'a label out of range', (f) => f.ncm.update(f.emb, [0, 1, 2, 3, 4]), 'labels'],
    ['NaN', 'a NaN label', (f) => f.ncm.update(f.emb, [0, 1, Number.NaN, 3, 0]), 'labels'],
    ['shape', 'labels of the wrong shape', (f) => f.ncm.update(f.emb, f.labelsTensor2d), 'labels'],
    ['dtype', 'int32 embeddings', (f) => f.ncm.update(f.embInt, LABELS5), 'embeddings'],
    ['shape', 'embeddings of another d', (f) => f.ncm.update(f.emb2, LABELS5), 'embeddings'],
    ['disposed', 'disposed embeddings', (f) => f.ncm.update(f.disposed, [0, 1]), 'embeddings'],
  ]),
  ...rowsOf('core.DeepNCM#logits', 'DeepNCM.logits', [
    ['rank', 'embeddings of rank 1', (f) => f.ncm.logits(f.rank1), 'embeddings'],
    ['shape', 'embeddings of another d', (f) => f.ncm.logits(f.emb2), 'embeddings'],
  ]),
  ...rowsOf('core.deepNcmUpdate', undefined, [
    ['rank', 'prototypes of rank 1', (f) => c.deepNcmUpdate(f.rank1 as unknown as T2, f.counts, f.emb, LABELS5), 'prototypes'],
    ['dtype', 'int32 prototypes', (f) => c.deepNcmUpdate(f.pointsInt, f.counts, f.emb, LABELS5), 'prototypes'],
    ['mismatched K', '3 counts for 4 means', (f) => c.deepNcmUpdate(f.points, f.counts3, f.emb, LABELS5), 'counts'],
    ['shape', 'embeddings of another d', (f) => c.deepNcmUpdate(f.points, f.counts, f.emb2, LABELS5), 'embeddings'],
    ['label', 'a label out of range', (f) => c.deepNcmUpdate(f.points, f.counts, f.emb, [0, 1, 2, 3, 4]), 'labels'],
    ['NaN', 'a NaN label', (f) => c.deepNcmUpdate(f.points, f.counts, f.emb, [0, 1, 2, 3, Number.NaN]), 'labels'],
    ['type', 'labels a string', (f) => c.deepNcmUpdate(f.points, f.counts, f.emb, 'abc' as unknown as number[]), 'labels'],
  ]),
];

