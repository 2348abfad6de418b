// loadMgpModel on a small saved model of @mgp/core layers, served from memory with one fault at a time: each fault
// is refused with an MgpInputError naming 'source' and what is wrong, returns no model and leaves no tensors or
// variables behind. (tooling/reliability runs the same faults on the stored 0.1.0 fixture, over tfjs's HTTP loader.)
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { MgpInputError } from '@mgp/metrics';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeepNCM } from '../deepncm/deepncm';
import { LearntPrototypes } from '../layers/learnt-prototypes';
import { metricGuidedRegularizer } from '../regularizer/metric-guided-regularizer';
import { loadMgpModel } from './load-mgp-model';

const D = [
  [0, 1, 2],
  [1, 0, 2],
  [2, 2, 0],
];
const X = [
  [0.1, -0.4, 0.7],
  [1, 0.5, -0.2],
];

interface Saved {
  topology: Record<string, any>;
  specs: tf.io.WeightsManifestEntry[];
  weights: Uint8Array;
  outputs: number[][][];
}
let saved: Saved;

beforeAll(async () => {
  await useTestBackend('cpu');
  const x = tfl.input({ shape: [3], name: 'x' });
  const emb = tfl.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }), name: 'backbone' }).apply(x) as tfl.SymbolicTensor;
  const learnt = new LearntPrototypes({
    name: 'learnt',
    numPrototypes: 3,
    metric: 'pseudoHuber',
    prototypesInitializer: tfl.initializers.randomUniform({ minval: -1, maxval: 1, seed: 2 }),
    prototypesRegularizer: metricGuidedRegularizer(D, { weight: 0.5 }),
  }).apply(emb) as tfl.SymbolicTensor;
  const ncm = new DeepNCM({ name: 'ncm', numClasses: 3 }).apply(emb) as tfl.SymbolicTensor;
  const model = tfl.model({ inputs: x, outputs: [learnt, ncm] });
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => {
    artifacts = a;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  const a = artifacts as unknown as tf.io.ModelArtifacts;
  const outputs = tf.tidy(() => (model.predict(tf.tensor2d(X)) as tf.Tensor[]).map((t) => t.arraySync() as number[][]));
  saved = {
    topology: a.modelTopology as Record<string, any>,
    specs: a.weightSpecs ?? [],
    weights: new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData)),
    outputs,
  };
  model.dispose();
});

type Fault = { noTopology?: true; topology?: (t: Record<string, any>) => void; specs?: (s: tf.io.WeightsManifestEntry[]) => void; weights?: (b: Uint8Array) => Uint8Array };

/** An IOHandler serving the saved model with one fault (copies: the saved model stays intact). */
function serve({ noTopology, topology, specs, weights }: Fault = {}): tf.io.IOHandler {
  const t = structuredClone(saved.topology);
  const s = structuredClone(saved.specs);
  topology?.(t);
  specs?.(s);
  const bytes = weights ? weights(saved.weights.slice()) : saved.weights.slice();
  return { load: async () => ({ modelTopology: noTopology ? undefined : t, weightSpecs: s, weightData: bytes.slice().buffer }) };
}

const layerConfig = (t: Record<string, any>, name: string) => t.config.layers.find((l: { name: string }) => l.name === name).config;
const withFloat = (index: number, value: number) => (bytes: Uint8Array) => {
  new DataView(bytes.buffer).setFloat32(index * 4, value, true);
  return bytes;
};

async function expectRefused(source: unknown): Promise<MgpInputError> {
  const tensors = tf.memory().numTensors;
  const variables = Object.keys(tf.engine().registeredVariables).length;
  let loaded: tfl.LayersModel | null = null;
  let error: unknown = null;
  try {
    loaded = await loadMgpModel(source as tf.io.IOHandler);
  } catch (e) {
    error = e;
  }
  loaded?.dispose();
  expect(loaded, 'a model came back').toBeNull();
  expect(error, String(error)).toBeInstanceOf(MgpInputError);
  expect((error as Error).message.startsWith("loadMgpModel: argument 'source' "), (error as Error).message).toBe(true);
  expect(tf.memory().numTensors - tensors, 'tensors left behind').toBe(0);
  expect(Object.keys(tf.engine().registeredVariables).length - variables, 'variables left behind').toBe(0);
  return error as MgpInputError;
}

/** [case, fault, words the message must contain]. */
const CASES: Array<[string, Fault, string[]]> = [
  ['no topology', { noTopology: true }, ['model topology']],
  ['weights empty', { weights: () => new Uint8Array(0) }, ['truncated weights', 'runs past the end']],
  ['weights 4 bytes short', { weights: (b) => b.slice(0, -4) }, ['truncated weights', "'ncm/counts' [3] float32 runs past the end"]],
  ['weights 1 byte short', { weights: (b) => b.slice(0, -1) }, ['truncated weights']],
  ['weights with extra bytes', { weights: (b) => Uint8Array.from([...b, 0, 0, 0, 0]) }, ['does not belong']],
  ['a NaN in the weights', { weights: withFloat(5, Number.NaN) }, ['corrupted weights', 'NaN']],
  ['an Infinity in the weights', { weights: withFloat(2, Number.POSITIVE_INFINITY) }, ['corrupted weights', 'Infinity']],
  ['a weight renamed in the manifest', { specs: (s) => (s[0].name = 'renamed/kernel') }, ['renamed/kernel']],
  ['a weight shape changed in the manifest', { specs: (s) => (s[0].shape = [4, 3]) }, ['shape']],
  ['a weight dtype changed in the manifest', { specs: (s) => (s[0].dtype = 'int32') }, ['int32']],
  ['an unknown metric in a layer config', { topology: (t) => (layerConfig(t, 'learnt').metric = 'manhattan') }, ["'metric'", 'manhattan']],
  ['a layer class that is not registered', { topology: (t) => (t.config.layers.find((l: { name: string }) => l.name === 'ncm').class_name = 'DeepNCMv2') }, ['DeepNCMv2']],
];

describe('loadMgpModel', () => {
  it('loads the intact model with the outputs it was saved with', async () => {
    const model = await loadMgpModel(serve());
    const outputs = tf.tidy(() => (model.predict(tf.tensor2d(X)) as tf.Tensor[]).map((t) => t.arraySync() as number[][]));
    outputs.forEach((out, i) => expectClose(out, saved.outputs[i]));
    model.dispose();
  });

  it.each(CASES)('%s: refused clearly, leaving nothing behind', async (_, fault, words) => {
    const error = await expectRefused(serve(fault));
    for (const word of words) expect(error.message).toContain(word);
  });

  it('a handler whose load fails, or a source that is neither URL nor handler, is refused naming source', async () => {
    const error = await expectRefused({ load: async () => Promise.reject(new Error('disk on fire')) });
    expect(error.message).toContain('could not be read: disk on fire');
    await expectRefused(42);
    await expectRefused(null);
  });

  it('weights cut at any point never give a model (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 1, noNaN: true }), async (at) => {
        const cut = Math.floor(at * (saved.weights.length - 1));
        await expectRefused(serve({ weights: (b) => b.slice(0, cut) }));
      }),
      { numRuns: 30, seed: 90210 },
    );
  });
});
