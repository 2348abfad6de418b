import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { absoluteCost } from '../hierarchy/cost';
import { disposeClassifier } from '../model/classifier';
import { blobs } from '../testing/blobs';
import { useCpuBackend } from '../testing/node-backend';
import { createMethod, type MethodId } from '../train/methods';
import { train } from '../train/trainer';
import { comparePredictions, orderModelFiles } from './reload';

beforeAll(useCpuBackend);

describe('saving and reloading a trained classifier', () => {
  it.each<MethodId>(['guided', 'xe', 'hyperspherical'])('%s: the reloaded model gives the same logits', async (id) => {
    const dataset = blobs(4, 3, 12);
    const D = absoluteCost(4);
    const method = await createMethod({ method: id, guidance: 'distortion', lambda: 1, backbone: 'mlp', embeddingDim: 2, seed: 4 }, { inputShape: [3], numClasses: 4, D });
    await train(method, dataset, D, { steps: 5, batchSize: 8, learningRate: 0.01, evalEvery: 5, seed: 0 }, { onSnapshot: () => {}, shouldStop: () => false });
    let saved: tf.io.ModelArtifacts | null = null;
    await method.classifier.model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    // What the browser download holds: the JSON has no weights inline, the weights travel as one binary file.
    const reloaded = await tfl.loadLayersModel(tf.io.fromMemory(saved as unknown as tf.io.ModelArtifacts));
    const x = tf.tensor2d(dataset.heldOut.x, [dataset.heldOut.count, 3]);
    const comparison = await comparePredictions(reloaded, method.classifier.model, x);
    expect(comparison).toEqual({ count: dataset.heldOut.count, sameArgmax: dataset.heldOut.count, maxAbsDiff: 0 });
    x.dispose();
    reloaded.dispose();
    disposeClassifier(method.classifier);
  });

  it('orders the chosen files model.json first and refuses incomplete choices', () => {
    const json = new File(['{}'], 'm.json');
    const bin = new File([new Uint8Array(4)], 'm.weights.bin');
    expect(orderModelFiles([bin, json]).map((f) => f.name)).toEqual(['m.json', 'm.weights.bin']);
    expect(() => orderModelFiles([bin])).toThrow(/one model .json file/);
    expect(() => orderModelFiles([json])).toThrow(/weights file/);
  });
});
