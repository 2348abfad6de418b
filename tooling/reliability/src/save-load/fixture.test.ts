// A model saved by @mgp 0.1.0 (fixtures/model-v0.1.0: model.json, weights.bin, expected.json) must keep loading
// with the same outputs, regularizers, DeepNCM counts and tree. Regenerate it only on purpose, when the format
// changes: MGP_WRITE_FIXTURE=1 npx vitest run src/save-load/fixture.test.ts (see fixtures/README.md).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeepNCM, LearntPrototypes, MetricGuidedRegularizer, loadMgpModel } from '@mgp/core';
import { HierarchicalSoftmax } from '@mgp/hierarchy';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { fileLoadHandler, fileSaveHandler, folderFetch } from '../support/io-file';
import { TREE } from '../support/models';
import { FIXTURE_DIR, FIXTURE_REGULARIZERS, buildFixtureModel, fixtureInputs, predict, trainFixtureModel } from './fixture-model';

interface Expected {
  outputs: number[][][];
  counts: number[];
  inputs: ReturnType<typeof fixtureInputs>;
}

const dir = fileURLToPath(FIXTURE_DIR);
const writing = process.env.MGP_WRITE_FIXTURE === '1';

beforeAll(async () => {
  await useTestBackend('cpu');
});

describe.runIf(writing)('writing the fixture (MGP_WRITE_FIXTURE=1)', () => {
  it('trains the fixture model and saves it with its expected outputs', async () => {
    const model = buildFixtureModel();
    await trainFixtureModel(model);
    await model.save(fileSaveHandler(dir));
    const counts = (model.getLayer('ncm') as DeepNCM).getClassMeans().counts;
    const expected: Expected = { outputs: predict(model), counts: Array.from(counts.dataSync()), inputs: fixtureInputs() };
    writeFileSync(`${dir}expected.json`, `${JSON.stringify(expected)}\n`);
    counts.dispose();
    model.dispose();
  });
});

const loaders: Array<[string, () => Promise<tfl.LayersModel>]> = [
  ['the node:fs handler', () => tfl.loadLayersModel(fileLoadHandler(`${dir}model.json`))],
  ['tfjs\'s HTTP loader', () => tfl.loadLayersModel(tf.io.http('http://fixtures.test/model.json', { fetchFunc: folderFetch(dir) }))],
  ['loadMgpModel', () => loadMgpModel(tf.io.http('http://fixtures.test/model.json', { fetchFunc: folderFetch(dir) }))],
];

describe.skipIf(writing)('the stored 0.1.0 fixture', () => {
  it('is present', () => {
    expect(existsSync(`${dir}model.json`) && existsSync(`${dir}weights.bin`) && existsSync(`${dir}expected.json`)).toBe(true);
  });

  it.each(loaders)('loads through %s with the outputs, regularizers, counts and tree it was saved with', async (_, load) => {
    const expected = JSON.parse(readFileSync(`${dir}expected.json`, 'utf8')) as Expected;
    expect(expected.inputs).toEqual(fixtureInputs());
    const model = await load();
    predict(model).forEach((out, i) => expectClose(out, expected.outputs[i], { rtol: 1e-5, atol: 1e-6 }));

    const learnt = model.getLayer('learnt') as LearntPrototypes;
    const fixed = model.getLayer('fixed') as LearntPrototypes;
    expect([learnt.metric, learnt.delta, fixed.metric, fixed.trainable]).toEqual(['pseudoHuber', 0.5, 'cosine', false]);
    for (const [layer, want] of [[learnt, FIXTURE_REGULARIZERS.learnt], [fixed, FIXTURE_REGULARIZERS.fixed]] as const) {
      const r = layer.getPrototypesRegularizer() as MetricGuidedRegularizer;
      expect(r).toBeInstanceOf(MetricGuidedRegularizer);
      expect({ D: r.costMatrix(), kind: r.kind, weight: r.weight, ...(r.kind === 'rank' ? { numTriplets: r.numTriplets, seed: r.seed } : { metric: r.metric, scaleFree: r.scaleFree }) }).toEqual(want);
    }
    const counts = (model.getLayer('ncm') as DeepNCM).getClassMeans();
    expect(Array.from(counts.counts.dataSync())).toEqual(expected.counts);
    expect(expected.counts.every((c) => c > 0)).toBe(true);
    const hs = model.getLayer('hsoftmax') as HierarchicalSoftmax;
    expect(hs.hierarchy.toJSON()).toEqual(TREE.toJSON());
    tf.dispose([counts.prototypes, counts.counts]);
    model.dispose();
  });
});
