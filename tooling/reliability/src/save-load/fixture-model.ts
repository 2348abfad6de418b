// The model stored in fixtures/: one backbone and every @mgp head, trained a little so DeepNCM's counts and the
// weights are not their initial values. fixture.test.ts loads the stored files and compares with expected.json.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, metricGuidedRegularizer } from '@mgp/core';
import { HierarchicalSoftmax } from '@mgp/hierarchy';
import { randomMatrix } from '../support/matrices';
import { D, EMBED_DIM, INPUT_DIM, K, TREE, batch, fixedPrototypes, logProbLoss, softmaxLoss } from '../support/models';

export const FIXTURE_DIR = new URL('../../fixtures/model-v0.1.0/', import.meta.url);

/** Regularizer settings the fixture stores (checked after loading). */
export const FIXTURE_REGULARIZERS = {
  learnt: { D, kind: 'distortion', weight: 0.25, metric: 'euclidean', scaleFree: true },
  fixed: { D, kind: 'rank', weight: 0.5, numTriplets: 20, seed: 9 },
} as const;

export function buildFixtureModel(): tfl.LayersModel {
  const x = tfl.input({ shape: [INPUT_DIM], name: 'x' });
  const y = tfl.input({ shape: [1], name: 'labels' });
  const seeded = (seed: number) => tfl.initializers.glorotUniform({ seed });
  const emb = tfl.layers.dense({ units: EMBED_DIM, activation: 'tanh', kernelInitializer: seeded(1), name: 'backbone' }).apply(x) as tfl.SymbolicTensor;
  const learnt = new LearntPrototypes({
    name: 'learnt',
    numPrototypes: K,
    metric: 'pseudoHuber',
    delta: 0.5,
    prototypesInitializer: tfl.initializers.randomUniform({ minval: -1, maxval: 1, seed: 2 }),
    prototypesRegularizer: metricGuidedRegularizer(D, { weight: 0.25 }),
  });
  const fixed = new LearntPrototypes({
    name: 'fixed',
    metric: 'cosine',
    initialPrototypes: fixedPrototypes(),
    trainable: false,
    prototypesRegularizer: metricGuidedRegularizer(D, { kind: 'rank', weight: 0.5, numTriplets: 20, seed: 9 }),
  });
  const sphere = new HypersphericalPrototypes({ name: 'sphere', prototypes: randomMatrix(K, EMBED_DIM, 12) });
  const ncm = new DeepNCM({ name: 'ncm', numClasses: K });
  const edges = tfl.layers.dense({ units: TREE.numNodes - 1, kernelInitializer: seeded(3), name: 'edges' }).apply(emb) as tfl.SymbolicTensor;
  const outputs = [
    learnt.apply(emb) as tfl.SymbolicTensor,
    fixed.apply(emb) as tfl.SymbolicTensor,
    sphere.apply(emb) as tfl.SymbolicTensor,
    ncm.apply([emb, y]) as tfl.SymbolicTensor,
    new HierarchicalSoftmax({ name: 'hsoftmax', hierarchy: TREE, output: 'leaves' }).apply(edges) as tfl.SymbolicTensor,
  ];
  return tfl.model({ inputs: [x, y], outputs, name: 'mgp_fixture' });
}

export async function trainFixtureModel(model: tfl.LayersModel): Promise<void> {
  model.compile({ optimizer: tf.train.sgd(0.05), loss: [softmaxLoss, softmaxLoss, softmaxLoss, softmaxLoss, logProbLoss] });
  const b = batch(12, 5);
  await model.fit([b.x, b.y], [b.target, b.target, b.target, b.target, b.target], { epochs: 2, batchSize: 6, shuffle: false, verbose: 0 });
  tf.dispose([b.x, b.y, b.target]);
}

/** The inputs expected.json holds outputs for. */
export function fixtureInputs(): { x: number[][]; labels: number[][] } {
  return { x: randomMatrix(4, INPUT_DIM, 77, 1.5), labels: [[0], [3], [5], [1]] };
}

export function predict(model: tfl.LayersModel): number[][][] {
  const { x, labels } = fixtureInputs();
  return tf.tidy(() => (model.predict([tf.tensor2d(x), tf.tensor2d(labels)]) as tf.Tensor[]).map((t) => t.arraySync() as number[][]));
}
