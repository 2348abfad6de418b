// Every @mgp layer through tfjs IO three ways (memory, node:fs files, tfjs's HTTP loader over those files):
// the loaded model gives bit-identical outputs and weights, and its layers come back with the same settings.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, MetricGuidedRegularizer, PROTOTYPE_METRICS, metricGuidedRegularizer } from '@mgp/core';
import { HierarchicalSoftmax, Hierarchy } from '@mgp/hierarchy';
import { useTestBackend } from '@mgp/test-utils';
import { ROUND_TRIPS } from '../support/handlers';
import { randomMatrix } from '../support/matrices';
import { D, INPUT_DIM, batch, fixedPrototypes, hierarchicalModel, hypersphericalModel, ncmModel, prototypeModel, softmaxLoss } from '../support/models';

beforeAll(async () => {
  await useTestBackend();
});

const x = () => tf.tensor2d(randomMatrix(7, INPUT_DIM, 99, 2));

interface Case {
  name: string;
  build(): Promise<tfl.LayersModel>;
  /** Inputs to predict on. */
  inputs(): tf.Tensor | tf.Tensor[];
  /** Extra checks on the loaded model against the original. */
  check?(original: tfl.LayersModel, loaded: tfl.LayersModel): void;
}

function head<T>(model: tfl.LayersModel, cls: new (...args: never[]) => T): T {
  const found = model.layers.find((l) => l instanceof cls);
  if (!found) throw new Error(`no ${cls.name} in the model`);
  return found as T;
}

const regularizerSettings = (r: MetricGuidedRegularizer) => ({
  D: r.costMatrix(),
  kind: r.kind,
  weight: r.weight,
  metric: r.metric,
  scaleFree: r.scaleFree,
  pairs: r.pairs,
  numTriplets: r.numTriplets,
  seed: r.seed,
});

const learntSettings = (model: tfl.LayersModel) => {
  const h = head(model, LearntPrototypes);
  const r = h.getPrototypesRegularizer();
  return { metric: h.metric, delta: h.delta, k: h.numPrototypes, trainable: h.trainable, regularizer: r instanceof MetricGuidedRegularizer ? regularizerSettings(r) : r };
};

const cases: Case[] = [
  ...PROTOTYPE_METRICS.map(
    (metric): Case => ({
      name: `LearntPrototypes, metric '${metric}'`,
      build: async () => prototypeModel({ metric, delta: 0.3 }),
      inputs: x,
      check: (a, b) => expect(learntSettings(b)).toEqual(learntSettings(a)),
    }),
  ),
  {
    name: 'LearntPrototypes, fixed prototypes (trainable: false)',
    build: async () => prototypeModel({ initialPrototypes: fixedPrototypes(), trainable: false }),
    inputs: x,
    check: (a, b) => {
      expect(head(b, LearntPrototypes).trainable).toBe(false);
      expect(head(b, LearntPrototypes).trainableWeights).toEqual([]);
      expect(learntSettings(b)).toEqual(learntSettings(a));
    },
  },
  {
    name: 'LearntPrototypes with a distortion regularizer (every option set)',
    build: async () =>
      prototypeModel({ prototypesRegularizer: metricGuidedRegularizer(D, { weight: 0.37, metric: 'cosine', scaleFree: false, pairs: 25, seed: 12 }) }),
    inputs: x,
    check: (a, b) => {
      expect(learntSettings(b)).toEqual(learntSettings(a));
      expect(learntSettings(b).regularizer).toMatchObject({ D, weight: 0.37, metric: 'cosine', scaleFree: false, pairs: 25, seed: 12 });
    },
  },
  {
    name: 'LearntPrototypes with a rank regularizer',
    build: async () => prototypeModel({ prototypesRegularizer: metricGuidedRegularizer(D, { kind: 'rank', weight: 2, numTriplets: 33, seed: 5 }) }),
    inputs: x,
    check: (a, b) => {
      expect(learntSettings(b)).toEqual(learntSettings(a));
      expect(learntSettings(b).regularizer).toMatchObject({ kind: 'rank', weight: 2, numTriplets: 33, seed: 5 });
    },
  },
  ...(['hyperspherical', 'cosine'] as const).map(
    (score): Case => ({
      name: `HypersphericalPrototypes, score '${score}'`,
      build: async () => hypersphericalModel(score),
      inputs: x,
      check: (a, b) => {
        const [ha, hb] = [head(a, HypersphericalPrototypes), head(b, HypersphericalPrototypes)];
        expect([hb.score, hb.numPrototypes, hb.trainableWeights.length]).toEqual([ha.score, ha.numPrototypes, 0]);
      },
    }),
  ),
  {
    name: 'DeepNCM after training (means and counts)',
    build: async () => {
      const { model } = ncmModel();
      model.compile({ optimizer: tf.train.sgd(0.05), loss: softmaxLoss });
      const b = batch(12, 3);
      await model.fit([b.x, b.y], b.target, { epochs: 2, batchSize: 4, shuffle: false, verbose: 0 });
      tf.dispose([b.x, b.y, b.target]);
      return model;
    },
    inputs: () => {
      const b = batch(7, 4);
      b.target.dispose();
      return [b.x, b.y];
    },
    check: (a, b) => {
      const [ma, mb] = [head(a, DeepNCM).getClassMeans(), head(b, DeepNCM).getClassMeans()];
      expect(Array.from(mb.counts.dataSync())).toEqual(Array.from(ma.counts.dataSync()));
      expect(Array.from(ma.counts.dataSync()).reduce((s, c) => s + c, 0)).toBeGreaterThan(0);
      expect(Array.from(mb.prototypes.dataSync())).toEqual(Array.from(ma.prototypes.dataSync()));
      tf.dispose([ma.prototypes, ma.counts, mb.prototypes, mb.counts]);
    },
  },
  ...(['nodes', 'leaves'] as const).map(
    (output): Case => ({
      name: `HierarchicalSoftmax, output '${output}', names tfjs's case conversion would mangle, custom node order`,
      build: async () => {
        const h = Hierarchy.fromNested({ Root_Node: [{ snake_case: ['T-shirt/top', 'camelCase'] }, { 'a b': ['x__y', 'Z'] }, 'solo'] });
        const order = [...h.nonRootNodes()].reverse().map((v) => h.nodes[v]);
        const model = tfl.sequential();
        model.add(tfl.layers.dense({ units: h.numNodes - 1, inputShape: [INPUT_DIM] }));
        model.add(new HierarchicalSoftmax({ hierarchy: h, output, nodeOrder: order }));
        return model;
      },
      inputs: x,
      check: (a, b) => {
        const [ha, hb] = [head(a, HierarchicalSoftmax), head(b, HierarchicalSoftmax)];
        expect(hb.hierarchy.toJSON()).toEqual(ha.hierarchy.toJSON());
        expect(hb.hierarchy.nodes).toEqual(ha.hierarchy.nodes);
        expect(hb.nodeOrder).toEqual(ha.nodeOrder);
        expect(hb.outputKind).toBe(ha.outputKind);
      },
    }),
  ),
  {
    name: 'HierarchicalSoftmax in the default layout',
    build: async () => hierarchicalModel('nodes'),
    inputs: x,
  },
];

const models: tfl.LayersModel[] = [];
afterAll(() => {
  for (const m of models) m.dispose();
});

describe.each(ROUND_TRIPS)('save → load through %s', (_, roundTrip) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: identical outputs, weights and settings', async (_, c) => {
    const original = await c.build();
    const loaded = await roundTrip(original);
    models.push(original, loaded);
    const inputs = c.inputs();
    const [a, b] = tf.tidy(() => [(original.predict(inputs) as tf.Tensor).arraySync(), (loaded.predict(inputs) as tf.Tensor).arraySync()]);
    tf.dispose(inputs);
    expect(b).toEqual(a);
    expect(loaded.getWeights().map((w) => w.shape)).toEqual(original.getWeights().map((w) => w.shape));
    expect(loaded.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(original.getWeights().map((w) => Array.from(w.dataSync())));
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(original.layers.map((l) => l.getClassName()));
    c.check?.(original, loaded);
  });
});
