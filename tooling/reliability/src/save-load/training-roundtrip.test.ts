// What a saved model must keep for training to go on: fixed prototypes stay fixed when the loaded model trains,
// the regularizer's D and weight act on the loaded model exactly as on the original (same losses, same weights
// after the same steps), and DeepNCM's running means and counts continue where they stopped.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes } from '@mgp/core';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { viaFiles } from '../support/handlers';
import { batch, fixedPrototypes, hypersphericalModel, ncmModel, prototypeModel, regularizedModel, softmaxLoss } from '../support/models';

beforeAll(async () => {
  await useTestBackend();
});

const weightsOf = (model: tfl.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

/** Trains with plain SGD (no optimizer state to lose) on fixed batches; returns the loss history. */
async function train(model: tfl.LayersModel, inputs: (b: ReturnType<typeof batch>) => tf.Tensor | tf.Tensor[], epochs = 3): Promise<number[]> {
  model.compile({ optimizer: tf.train.sgd(0.1), loss: softmaxLoss });
  const b = batch(12, 21);
  const history = await model.fit(inputs(b), b.target, { epochs, batchSize: 4, shuffle: false, verbose: 0 });
  tf.dispose([b.x, b.y, b.target]);
  return history.history.loss as number[];
}

const xOnly = (b: ReturnType<typeof batch>) => b.x;

describe('training a loaded model', () => {
  it('fixed LearntPrototypes stay exactly fixed while the backbone trains', async () => {
    const P = fixedPrototypes();
    const loaded = await viaFiles(prototypeModel({ initialPrototypes: P, trainable: false }));
    const backboneBefore = Array.from(loaded.layers[0].getWeights()[0].dataSync());
    await train(loaded, xOnly);
    const p = (loaded.layers[1] as LearntPrototypes).getPrototypes();
    expect(p.arraySync()).toEqual(P.map((row) => row.map((v) => Math.fround(v))));
    expect(Array.from(loaded.layers[0].getWeights()[0].dataSync())).not.toEqual(backboneBefore);
    p.dispose();
    loaded.dispose();
  });

  it('HypersphericalPrototypes stay exactly fixed while the backbone trains', async () => {
    const original = hypersphericalModel();
    const before = (original.layers[1] as HypersphericalPrototypes).getPrototypes();
    const loaded = await viaFiles(original);
    await train(loaded, xOnly);
    const after = (loaded.layers[1] as HypersphericalPrototypes).getPrototypes();
    expect(after.arraySync()).toEqual(before.arraySync());
    tf.dispose([before, after]);
    original.dispose();
    loaded.dispose();
  });

  it.each([
    ['distortion', regularizedModel(0.5, 'distortion')],
    ['no', prototypeModel()],
  ] as const)('with a %s regularizer, the loaded model trains exactly as the original: same losses, same weights', async (_, original) => {
    const loaded = await viaFiles(original);
    const [lossA, lossB] = [await train(original, xOnly), await train(loaded, xOnly)];
    expectClose(lossB, lossA, { rtol: 1e-6, atol: 1e-7 });
    weightsOf(loaded).forEach((w, i) => expectClose(w, weightsOf(original)[i], { rtol: 1e-6, atol: 1e-7 }));
    original.dispose();
    loaded.dispose();
  });

  it('the regularizer is really in the loaded loss: the same model without it trains differently', async () => {
    const withReg = regularizedModel(0.5);
    const plain = prototypeModel(); // same initial weights, no regularizer
    expect(weightsOf(plain)).toEqual(weightsOf(withReg));
    const loaded = await viaFiles(withReg);
    const [a, b] = [await train(loaded, xOnly), await train(plain, xOnly)];
    expect(a[0] - b[0]).toBeGreaterThan(1e-3); // λ·distortion loss of the starting prototypes
    [withReg, plain, loaded].forEach((m) => m.dispose());
  });

  it('DeepNCM continues its running means and counts where the saved model stopped', async () => {
    const { model: original } = ncmModel();
    const xy = (b: ReturnType<typeof batch>) => [b.x, b.y];
    await train(original, xy, 2);
    const loaded = await viaFiles(original);
    await train(original, xy, 2);
    await train(loaded, xy, 2);
    const [a, b] = [(original.layers.find((l) => l instanceof DeepNCM) as DeepNCM).getClassMeans(), (loaded.layers.find((l) => l instanceof DeepNCM) as DeepNCM).getClassMeans()];
    expect(Array.from(b.counts.dataSync())).toEqual(Array.from(a.counts.dataSync()));
    // 4 epochs × 3 batches of 4 consecutive labels: each class is present in 2 batches an epoch.
    expect(Array.from(a.counts.dataSync())).toEqual([8, 8, 8, 8, 8, 8]);
    expectClose(Array.from(b.prototypes.dataSync()), Array.from(a.prototypes.dataSync()), { rtol: 1e-6, atol: 1e-7 });
    tf.dispose([a.prototypes, a.counts, b.prototypes, b.counts]);
    original.dispose();
    loaded.dispose();
  });
});
