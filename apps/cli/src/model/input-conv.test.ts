import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { expectClose, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputConv2D } from './input-conv';

beforeAll(async () => {
  await useTestBackend();
});

describe('InputConv2D', () => {
  it('computes what tfjs-layers Conv2D computes, values and weight gradients', () => {
    const ours = new InputConv2D({ filters: 4, kernelSize: 3, inputChannels: 2, seed: 1 });
    const theirs = tfl.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'valid' });
    const x = tf.randomNormal([3, 7, 6, 2], 0, 1, 'float32', 9) as tf.Tensor4D;
    ours.apply(x);
    theirs.apply(x);
    theirs.setWeights(ours.getWeights());
    expectClose((ours.apply(x) as tf.Tensor).dataSync(), (theirs.apply(x) as tf.Tensor).dataSync());
    expect(ours.computeOutputShape([null, 7, 6, 2])).toEqual([null, 5, 4, 4]);
    const gradsOf = (layer: tfl.layers.Layer) =>
      tf.variableGrads(() => tf.sum(tf.square(layer.apply(x) as tf.Tensor)) as tf.Scalar, layer.trainableWeights.map((w) => w.read() as tf.Variable)).grads;
    const a = Object.values(gradsOf(ours));
    const b = Object.values(gradsOf(theirs));
    a.forEach((g, i) => expectClose(g.dataSync(), b[i].dataSync(), { rtol: 1e-4, atol: 1e-4 }));
  });
});
