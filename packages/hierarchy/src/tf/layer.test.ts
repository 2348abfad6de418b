import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { expectClose, expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { Hierarchy } from '../tree/hierarchy';
import { HierarchicalSoftmax } from './hierarchical-softmax';
import { hierarchicalCrossEntropy } from './hxe';
import { hierarchicalLogMarginals } from './log-marginals';
import { leafLogProbs, predictAtLevel } from './predict';
import { randomMatrix } from './reference.test-support';

beforeAll(async () => {
  await useTestBackend();
});

// Names that tfjs-layers' config case conversion would mangle if stored as plain strings.
const tricky = () =>
  Hierarchy.fromNested({
    Root: [{ Clothing_Top: ['T-shirt/top', 'Shirt', 'apple_pie'] }, { lowerBody: ['Trouser', 'x__y'] }, 'Bag'],
  });

describe('HierarchicalSoftmax layer', () => {
  it('returns log marginals in nodeOrder, or leaf log-probs in class order', async () => {
    const h = tricky();
    const e = h.numNodes - 1;
    const x = tf.tensor2d(randomMatrix(4, e, 3));
    const nodes = new HierarchicalSoftmax({ hierarchy: h });
    const leaves = new HierarchicalSoftmax({ hierarchy: h, output: 'leaves' });
    const outNodes = nodes.apply(x) as tf.Tensor;
    const outLeaves = leaves.apply(x) as tf.Tensor;
    expect(outNodes.shape).toEqual([4, e]);
    expect(outLeaves.shape).toEqual([4, h.numLeaves]);
    expect(nodes.computeOutputShape([null, e])).toEqual([null, e]);
    expect(leaves.computeOutputShape([null, e])).toEqual([null, h.numLeaves]);
    const fn = hierarchicalLogMarginals(x, h);
    expectClose(await outNodes.array(), await fn.array(), { rtol: 1e-6, atol: 1e-6 });
    const leafFn = leafLogProbs(fn, h);
    expectClose(await outLeaves.array(), await leafFn.array(), { rtol: 1e-6, atol: 1e-6 });
    tf.dispose([x, outNodes, outLeaves, fn, leafFn]);
  });

  it('predicts at any level: argmax of the cut, as node indices (labels at the leaf level)', async () => {
    const h = tricky();
    const x = tf.tensor2d(randomMatrix(6, h.numNodes - 1, 8));
    const marginals = hierarchicalLogMarginals(x, h);
    const rows = (await marginals.array()) as number[][];
    for (let level = 1; level <= h.maxDepth; level++) {
      const cut = h.nodesAtLevel(level);
      const column = new Map(h.nonRootNodes().map((v, c) => [v, c]));
      const expected = rows.map((row) => cut.reduce((best, v) => (row[column.get(v) as number] > row[column.get(best) as number] ? v : best), cut[0]));
      const predicted = predictAtLevel(marginals, h, level);
      expect(predicted.dtype).toBe('int32');
      expect(Array.from(await predicted.data())).toEqual(expected);
      predicted.dispose();
    }
    tf.dispose([x, marginals]);
  });

  it('getConfig → fromConfig round-trip keeps the tree, the column order and the output', async () => {
    const h = tricky();
    const order = [...h.nonRootNodes()].reverse().map((v) => h.nodes[v]);
    const layer = new HierarchicalSoftmax({ hierarchy: h, nodeOrder: order, output: 'leaves', name: 'hsm' });
    const config = layer.getConfig();
    expect(config.hierarchy).toMatch(/^[0-9a-f]+$/);
    const copy = tf.serialization.SerializationMap.getMap().classNameMap.HierarchicalSoftmax[1](
      HierarchicalSoftmax as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>,
      config,
    ) as HierarchicalSoftmax;
    expect(copy.hierarchy.toJSON()).toEqual(h.toJSON());
    expect(copy.nodeOrder).toEqual(layer.nodeOrder);
    expect(copy.outputKind).toBe('leaves');
    const x = tf.tensor2d(randomMatrix(3, order.length, 1));
    const [a, b] = [layer.apply(x) as tf.Tensor, copy.apply(x) as tf.Tensor];
    expect(await b.array()).toEqual(await a.array());
    tf.dispose([x, a, b]);
  });

  it('saves and loads with a model through tfjs IO: identical outputs, names intact', async () => {
    const h = tricky();
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: h.numNodes - 1, inputShape: [5] }));
    model.add(new HierarchicalSoftmax({ hierarchy: h, output: 'leaves' }));
    let saved: tf.io.ModelArtifacts | null = null;
    await model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = JSON.parse(JSON.stringify({ ...artifacts, weightData: undefined })) as tf.io.ModelArtifacts;
      saved.weightData = artifacts.weightData;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tfl.loadLayersModel(tf.io.fromMemory(saved as unknown as tf.io.ModelArtifacts));
    const restored = loaded.layers[1] as HierarchicalSoftmax;
    expect(restored).toBeInstanceOf(HierarchicalSoftmax);
    expect(restored.hierarchy.leaves).toEqual(['T-shirt/top', 'Shirt', 'apple_pie', 'Trouser', 'x__y', 'Bag']);
    expect(restored.hierarchy.toJSON()).toEqual(h.toJSON());
    const x = tf.tensor2d(randomMatrix(4, 5, 2));
    const [a, b] = [model.predict(x) as tf.Tensor, loaded.predict(x) as tf.Tensor];
    expect(await b.array()).toEqual(await a.array());
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });

  it('refuses inputs of the wrong width and bad arguments', () => {
    const h = tricky();
    const layer = new HierarchicalSoftmax({ hierarchy: h });
    const x = tf.zeros([2, 3]);
    expect(() => layer.apply(x)).toThrow(new MgpInputError('HierarchicalSoftmax', 'inputs', `must have shape [batch, ${h.numNodes - 1}] (one logit per non-root node); got [2, 3]`));
    expect(() => new HierarchicalSoftmax({ hierarchy: 3 as unknown as Hierarchy })).toThrow("HierarchicalSoftmax: argument 'hierarchy' must be a Hierarchy or its toJSON(); got the number 3");
    expect(() => new HierarchicalSoftmax({ hierarchy: 'zz' })).toThrow("HierarchicalSoftmax: argument 'hierarchy' must be a Hierarchy, its toJSON(), or the hex string of a saved config; got a string that is none of these");
    expect(() => new HierarchicalSoftmax({ hierarchy: h, output: 'probs' as 'nodes' })).toThrow("HierarchicalSoftmax: argument 'output' must be 'nodes' or 'leaves'; got the string \"probs\"");
    expect(() => new HierarchicalSoftmax({ hierarchy: h, nodeOrder: ['Shirt'] })).toThrow(`HierarchicalSoftmax: argument 'nodeOrder' must list the ${h.numNodes - 1} non-root nodes once each; got 1 entry`);
    x.dispose();
  });
});

describe('training steps leave no tensors behind', () => {
  const h = Hierarchy.fromNested({ root: [{ animal: [{ mammal: ['cat', 'dog'] }, 'fish'] }, 'plant', { fungus: ['mould', 'yeast'] }] });
  const b = 8;
  const x = tf.tensor2d(randomMatrix(b, 6, 11));
  const labels = Array.from({ length: b }, (_, i) => i % h.numLeaves);

  it('HXE on a linear model with an optimizer (focal, class weights, ignoreIndex), and the loss goes down', async () => {
    const w = tf.variable(tf.zeros([6, h.numLeaves]));
    const optimizer = tf.train.sgd(0.5);
    const opts = { alpha: 0.5, focalGamma: 1, classWeights: [1, 2, 1, 1, 1, 0.5], ignoreIndex: 5 };
    const step = () => optimizer.minimize(() => hierarchicalCrossEntropy(tf.matMul(x, w), labels, h, opts) as tf.Scalar, true) as tf.Scalar;
    const first = step();
    const before = (await first.data())[0];
    first.dispose();
    await expectNoTensorLeak(step, 5);
    for (let i = 0; i < 20; i++) step().dispose();
    const last = step();
    expect((await last.data())[0]).toBeLessThan(before);
    last.dispose();
    w.dispose();
    optimizer.dispose();
  });

  it('a model ending in HierarchicalSoftmax, trained with trainOnBatch', async () => {
    const model = tfl.sequential();
    model.add(tfl.layers.dense({ units: h.numNodes - 1, inputShape: [6] }));
    model.add(new HierarchicalSoftmax({ hierarchy: h, output: 'leaves' }));
    model.compile({ optimizer: tf.train.adam(0.05), loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.neg(tf.mean(tf.sum(tf.mul(yTrue, yPred), 1))) });
    const y = tf.oneHot(tf.tensor1d(labels, 'int32'), h.numLeaves);
    await expectNoTensorLeak(async () => {
      await model.trainOnBatch(x, y);
    }, 5);
    const lossBefore = (await model.evaluate(x, y)) as tf.Scalar;
    for (let i = 0; i < 30; i++) await model.trainOnBatch(x, y);
    const lossAfter = (await model.evaluate(x, y)) as tf.Scalar;
    expect((await lossAfter.data())[0]).toBeLessThan((await lossBefore.data())[0]);
    tf.dispose([y, lossBefore, lossAfter]);
    model.dispose();
  });

  it('the functional forms under tf.grad', async () => {
    const e = tf.variable(tf.tensor2d(randomMatrix(b, h.numNodes - 1, 3)));
    await expectNoTensorLeak(() => {
      const { value, grads } = tf.variableGrads(() => tf.neg(tf.mean(leafLogProbs(hierarchicalLogMarginals(e, h), h))) as tf.Scalar, [e]);
      tf.dispose(grads);
      return value;
    });
    e.dispose();
  });
});
