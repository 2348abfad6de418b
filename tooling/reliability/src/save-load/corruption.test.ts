// Corrupted and truncated model.json / weights.bin, served to tfjs's own HTTP loader from the stored fixture.
// loadMgpModel must refuse each with an MgpInputError that says what is wrong, return no model and leave no
// tensors or variables behind. What plain tf.loadLayersModel does with the same files is printed for comparison
// (it loads NaN weights silently, reports truncation as a tensor-size mismatch and leaks the layers it built).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { loadMgpModel } from '@mgp/core';
import '@mgp/hierarchy';
import { useTestBackend } from '@mgp/test-utils';
import { folderFetch } from '../support/io-file';
import { FIXTURE_DIR } from './fixture-model';

const dir = fileURLToPath(FIXTURE_DIR);
const modelText = readFileSync(`${dir}model.json`, 'utf8');
const weightBytes = new Uint8Array(readFileSync(`${dir}weights.bin`));
const encoder = new TextEncoder();

type Corruption = { json?: (text: string) => string; weights?: (bytes: Uint8Array) => Uint8Array };

function serve({ json, weights }: Corruption): tf.io.IOHandler {
  const fetchFunc = folderFetch(dir, (file, bytes) => {
    if (file === 'model.json' && json) return encoder.encode(json(new TextDecoder().decode(bytes)));
    if (file === 'weights.bin' && weights) return weights(bytes);
    return bytes;
  });
  return tf.io.http('http://fixtures.test/model.json', { fetchFunc });
}

/** Edits model.json as an object. */
const editJson = (edit: (m: Record<string, any>) => void) => (text: string) => {
  const m = JSON.parse(text);
  edit(m);
  return JSON.stringify(m);
};
const layerConfig = (m: Record<string, any>, name: string) => m.modelTopology.config.layers.find((l: { name: string }) => l.name === name).config;
const manifest = (m: Record<string, any>) => m.weightsManifest[0].weights as Array<{ name: string; shape: number[]; dtype: string }>;
const withFloat = (index: number, value: number) => (bytes: Uint8Array) => {
  const copy = bytes.slice();
  new DataView(copy.buffer).setFloat32(index * 4, value, true);
  return copy;
};

/** [case, corruption, words the message must contain]. */
const CASES: Array<[string, Corruption, string[]]> = [
  ['model.json cut in half', { json: (t) => t.slice(0, t.length / 2) }, ['could not be read', 'JSON']],
  ['model.json empty', { json: () => '' }, ['could not be read']],
  ['model.json not an object', { json: () => '[1, 2]' }, ['could not be read']],
  ['model.json without its topology', { json: editJson((m) => delete m.modelTopology) }, ['model topology']],
  // tfjs's weight loader does not look at the HTTP status: the 404 page arrives as 9 bytes of weights.
  ['weights.bin missing (404)', { json: editJson((m) => (m.weightsManifest[0].paths = ['./missing.bin'])) }, ['truncated weights']],
  ['weights.bin empty', { weights: () => new Uint8Array(0) }, ['truncated weights', 'runs past the end']],
  ['weights.bin cut in half', { weights: (b) => b.slice(0, b.length / 2) }, ['truncated weights', 'runs past the end']],
  ['weights.bin 4 bytes short', { weights: (b) => b.slice(0, -4) }, ['truncated weights', "'ncm/counts' [6] float32 runs past the end"]],
  ['weights.bin 1 byte short', { weights: (b) => b.slice(0, -1) }, ['truncated weights']],
  ['weights.bin with extra bytes', { weights: (b) => Uint8Array.from([...b, 0, 0, 0, 0]) }, ['does not belong']],
  ['a NaN in the weights', { weights: withFloat(20, Number.NaN) }, ['corrupted weights', 'NaN']],
  ['an Infinity in the weights', { weights: withFloat(3, Number.POSITIVE_INFINITY) }, ['corrupted weights', 'Infinity']],
  ['a weight missing from the manifest', { json: editJson((m) => manifest(m).splice(2, 1)) }, ['manifest']],
  ['a weight renamed in the manifest', { json: editJson((m) => (manifest(m)[0].name = 'renamed/kernel')) }, ['renamed/kernel']],
  ['a weight shape changed in the manifest', { json: editJson((m) => (manifest(m)[0].shape = [3, 5])) }, ['shape']],
  ['a weight dtype changed in the manifest', { json: editJson((m) => (manifest(m)[0].dtype = 'int32')) }, ['int32']],
  ['an unknown metric in a layer config', { json: editJson((m) => (layerConfig(m, 'learnt').metric = 'manhattan')) }, ["'metric'", 'manhattan']],
  ['an asymmetric D in the regularizer config', { json: editJson((m) => (layerConfig(m, 'learnt').prototypes_regularizer.config.cost_matrix[0][1] = 9)) }, ["'D'", 'symmetric']],
  ['numPrototypes changed', { json: editJson((m) => (layerConfig(m, 'learnt').num_prototypes = 7)) }, ['prototypesRegularizer']],
  ['a layer class that is not registered', { json: editJson((m) => (m.modelTopology.config.layers.find((l: { name: string }) => l.name === 'ncm').class_name = 'DeepNCMv2')) }, ['DeepNCMv2']],
  ['the tree of HierarchicalSoftmax damaged', { json: editJson((m) => (layerConfig(m, 'hsoftmax').hierarchy = layerConfig(m, 'hsoftmax').hierarchy.slice(0, -7))) }, ["'hierarchy'"]],
];

const rawOutcomes: string[] = [];

beforeAll(async () => {
  await useTestBackend('cpu');
});

afterAll(() => {
  console.info(`plain tf.loadLayersModel on the same files:\n${rawOutcomes.join('\n')}`);
});

async function expectRefused(handler: tf.io.IOHandler): Promise<MgpInputError> {
  const tensors = tf.memory().numTensors;
  const variables = Object.keys(tf.engine().registeredVariables).length;
  let loaded: tfl.LayersModel | null = null;
  let error: unknown = null;
  try {
    loaded = await loadMgpModel(handler);
  } catch (e) {
    error = e;
  }
  loaded?.dispose();
  expect(loaded, 'a model came back').toBeNull();
  expect(error, String(error)).toBeInstanceOf(MgpInputError);
  expect(tf.memory().numTensors - tensors, 'tensors left behind').toBe(0);
  expect(Object.keys(tf.engine().registeredVariables).length - variables, 'variables left behind').toBe(0);
  return error as MgpInputError;
}

describe('a corrupted or truncated saved model', () => {
  it('the uncorrupted files load (the cases below differ from them by one fault each)', async () => {
    const model = await loadMgpModel(serve({}));
    expect(model.outputs.length).toBe(5);
    model.dispose();
  });

  it.each(CASES)('%s: loadMgpModel refuses it clearly, leaving nothing behind', async (name, corruption, words) => {
    const error = await expectRefused(serve(corruption));
    expect(error.message.startsWith("loadMgpModel: argument 'source' ")).toBe(true);
    for (const word of words) expect(error.message).toContain(word);

    const before = tf.memory().numTensors;
    const raw = await tfl.loadLayersModel(serve(corruption)).then(
      (m) => {
        const finite = m.getWeights().every((w) => w.dataSync().every(Number.isFinite));
        m.dispose();
        return finite ? 'LOADED' : 'LOADED with non-finite weights';
      },
      (e: Error) => `refused: ${e.message.split('\n')[0].slice(0, 110)}`,
    );
    rawOutcomes.push(`  ${name}: ${raw}; ${tf.memory().numTensors - before} tensors left`);
  });

  it('truncated at any point, model.json or weights.bin never gives a model (property, 60 cut points)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('json' as const, 'weights' as const), fc.double({ min: 0, max: 1, noNaN: true }), async (file, at) => {
        if (file === 'json') {
          // Keep at least the closing brace out: cutting only the final newline leaves the same JSON.
          const cut = Math.floor(at * (modelText.trimEnd().length - 1));
          await expectRefused(serve({ json: (t) => t.slice(0, cut) }));
        } else {
          const cut = Math.floor(at * (weightBytes.length - 1));
          await expectRefused(serve({ weights: (b) => b.slice(0, cut) }));
        }
      }),
      { numRuns: 60, seed: 90210 },
    );
  });

  it('random byte flips in model.json or weights.bin: refused, or a complete model with finite weights — never another error or a leak', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('json' as const, 'weights' as const), fc.nat(), fc.integer({ min: 1, max: 255 }), async (file, position, xor) => {
        const flip = (bytes: Uint8Array) => {
          const copy = bytes.slice();
          copy[position % copy.length] ^= xor;
          return copy;
        };
        const corruption: Corruption = file === 'json' ? { json: (t) => new TextDecoder().decode(flip(encoder.encode(t))) } : { weights: flip };
        const tensors = tf.memory().numTensors;
        try {
          const model = await loadMgpModel(serve(corruption));
          expect(model.getWeights().every((w) => w.dataSync().every(Number.isFinite))).toBe(true);
          model.dispose();
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(MgpInputError);
        }
        expect(tf.memory().numTensors).toBe(tensors);
      }),
      { numRuns: 80, seed: 4242 },
    );
  });
});
