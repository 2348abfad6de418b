// Static imports: tfjs and @mgp/core only. The page's modules are imported in beforeAll, after a look at what tfjs
// has registered, to show that the page registers no class of its own and that its downloads hold only classes that
// tfjs and @mgp/core register: they load wherever @mgp/core is imported.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, MetricGuidedRegularizer } from '@mgp/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/node-backend';

const registeredNames = () => Object.keys(tf.serialization.SerializationMap.getMap().classNameMap).sort();

/** Registered with tfjs and @mgp/core imported. */
let withTfjsAndCore: string[] = [];
/** Registered once the other @mgp libraries the page uses are imported too (@mgp/hierarchy registers its layer). */
let withLibraries: string[] = [];
let page: {
  methods: typeof import('../train/methods');
  trainer: typeof import('../train/trainer');
  classifier: typeof import('../model/classifier');
  reload: typeof import('./reload');
  download: typeof import('./download');
  blobs: typeof import('../testing/blobs');
  cost: typeof import('../hierarchy/cost');
};

beforeAll(async () => {
  await useCpuBackend();
  withTfjsAndCore = registeredNames();
  await import('@mgp/hierarchy');
  await import('@mgp/metrics');
  withLibraries = registeredNames();
  page = {
    methods: await import('../train/methods'),
    trainer: await import('../train/trainer'),
    classifier: await import('../model/classifier'),
    reload: await import('./reload'),
    download: await import('./download'),
    blobs: await import('../testing/blobs'),
    cost: await import('../hierarchy/cost'),
  };
});

/** Every `class_name` in a saved topology. */
function classNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => classNames(v, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'class_name' && typeof v === 'string') into.add(v);
      else classNames(v, into);
    }
  }
  return into;
}

/** Saves into memory as the browser download does (JSON text, weights apart); `edit` may change the artifacts. */
async function saveToMemory(model: tfl.LayersModel, edit: (a: tf.io.ModelArtifacts) => tf.io.ModelArtifacts = (a) => a): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = edit(artifacts);
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = saved as tf.io.ModelArtifacts | null;
  if (!artifacts) throw new Error('nothing saved');
  return { ...artifacts, modelTopology: JSON.parse(JSON.stringify(artifacts.modelTopology)) };
}

const HEAD_CLASS = { xe: 'Dense', free: 'LearntPrototypes', guided: 'LearntPrototypes', fixed: 'LearntPrototypes', hyperspherical: 'HypersphericalPrototypes', deepncm: 'DeepNCM' } as const;
const CORE_LAYER = { free: LearntPrototypes, guided: LearntPrototypes, fixed: LearntPrototypes, hyperspherical: HypersphericalPrototypes, deepncm: DeepNCM } as const;

describe('saving and reloading a trained classifier', () => {
  it('the page registers no serializable class of its own', () => {
    expect(registeredNames()).toEqual(withLibraries);
    for (const name of page.reload.CORE_CLASS_NAMES) expect(withTfjsAndCore).toContain(name);
  });

  it.each(['guided', 'xe', 'free', 'fixed', 'hyperspherical', 'deepncm'] as const)('%s: reloads with only tfjs and @mgp/core, same logits', async (id) => {
    const dataset = page.blobs.blobs(4, 3, 12);
    const D = page.cost.absoluteCost(4);
    const method = await page.methods.createMethod(
      { method: id, guidance: 'distortion', lambda: 1, backbone: 'mlp', embeddingDim: 2, seed: 4 },
      { inputShape: [3], numClasses: 4, D },
    );
    await page.trainer.train(method, dataset, D, { steps: 5, batchSize: 8, learningRate: 0.01, evalEvery: 5, seed: 0 }, { onSnapshot: () => {}, shouldStop: () => false });
    const saved = await saveToMemory(method.classifier.model);
    const names = classNames(saved.modelTopology);
    expect(names.has(HEAD_CLASS[id])).toBe(true);
    for (const name of names) expect(withTfjsAndCore, name).toContain(name);
    expect([...names].filter((name) => /playground/i.test(name))).toEqual([]);

    // What the browser download holds: the JSON has no weights inline, the weights travel as one binary file.
    const reloaded = await tfl.loadLayersModel(tf.io.fromMemory(saved));
    if (id !== 'xe') expect(reloaded.getLayer('prototypes')).toBeInstanceOf(CORE_LAYER[id]);
    const x = tf.tensor2d(dataset.heldOut.x, [dataset.heldOut.count, 3]);
    const comparison = await page.reload.comparePredictions(reloaded, method.classifier.model, x);
    expect(comparison).toEqual({ count: dataset.heldOut.count, sameArgmax: dataset.heldOut.count, maxAbsDiff: 0 });
    x.dispose();
    reloaded.dispose();
    page.classifier.disposeClassifier(method.classifier);
  });

  it('guided: the saved regularizer is core’s, with D, the guidance and the λ in effect at the end (the slider moved)', async () => {
    const dataset = page.blobs.blobs(4, 3, 12);
    const D = page.cost.absoluteCost(4);
    const method = await page.methods.createMethod(
      { method: 'guided', guidance: 'rank', lambda: 0.5, backbone: 'mlp', embeddingDim: 2, seed: 4 },
      { inputShape: [3], numClasses: 4, D },
    );
    await page.trainer.train(method, dataset, D, { steps: 3, batchSize: 8, learningRate: 0.01, evalEvery: 3, seed: 0 }, { onSnapshot: () => {}, shouldStop: () => false });
    method.setLambda(1.5);
    const guidance = method.guidance();
    expect(guidance).toBeInstanceOf(MetricGuidedRegularizer);
    const saved = await saveToMemory(method.classifier.model, (a) => page.download.withGuidanceWeight(a, (guidance as MetricGuidedRegularizer).weight));
    const reloaded = await tfl.loadLayersModel(tf.io.fromMemory(saved));
    const regularizer = (reloaded.getLayer('prototypes') as LearntPrototypes).getPrototypesRegularizer();
    expect(regularizer).toBeInstanceOf(MetricGuidedRegularizer);
    const r = regularizer as MetricGuidedRegularizer;
    expect([r.kind, r.weight, r.numTriplets]).toEqual(['rank', 1.5, page.methods.RANK_TRIPLETS]);
    expect(r.costMatrix()).toEqual(D);
    // Without the edit, the layer's own regularizer (λ at the start of the run) is what tfjs saves.
    const plain = await tfl.loadLayersModel(tf.io.fromMemory(await saveToMemory(method.classifier.model)));
    expect((plain.getLayer('prototypes') as LearntPrototypes).getPrototypesRegularizer()).toMatchObject({ weight: 0.5 });
    reloaded.dispose();
    plain.dispose();
    page.classifier.disposeClassifier(method.classifier);
  });

  it('orders the chosen files model.json first and refuses incomplete choices', () => {
    const json = new File(['{}'], 'm.json');
    const bin = new File([new Uint8Array(4)], 'm.weights.bin');
    expect(page.reload.orderModelFiles([bin, json]).map((f) => f.name)).toEqual(['m.json', 'm.weights.bin']);
    expect(() => page.reload.orderModelFiles([bin])).toThrow(/one model .json file/);
    expect(() => page.reload.orderModelFiles([json])).toThrow(/weights file/);
  });
});
