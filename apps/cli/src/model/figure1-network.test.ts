import * as tf from '@tensorflow/tfjs-core';
import { expectNoTensorLeak, useTestBackend } from '@mgp/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { Backbone } from './backbone';
import { buildFigure1Network } from './figure1-network';

beforeAll(async () => {
  await useTestBackend();
});

describe('figure-1 network', () => {
  it('maps [B, 28, 28, 1] images to [B, d] embeddings', () => {
    for (const d of [2, 16]) {
      const model = buildFigure1Network({ embeddingDim: d, seed: 1 });
      const out = tf.tidy(() => model.predict(tf.zeros([3, 28, 28, 1])) as tf.Tensor);
      expect(out.shape).toEqual([3, d]);
      out.dispose();
      model.dispose();
    }
  });

  it("has the seed notebook's layers: 3×3 convs 16-16-32 with batch norm, pools, global max, dense 64, dense d", () => {
    const model = buildFigure1Network({ embeddingDim: 2, seed: 1 });
    const shapes = Object.fromEntries(model.layers.map((l) => [l.name, l.outputShape]));
    expect(shapes.conv1).toEqual([null, 26, 26, 16]);
    expect(shapes.pool1).toEqual([null, 13, 13, 16]);
    expect(shapes.conv2).toEqual([null, 11, 11, 16]);
    expect(shapes.pool2).toEqual([null, 5, 5, 16]);
    expect(shapes.conv3).toEqual([null, 3, 3, 32]);
    expect(shapes.global_max).toEqual([null, 32]);
    expect(shapes.fc1).toEqual([null, 64]);
    expect(shapes.embedding).toEqual([null, 2]);
    // Trainable parameters, as PyTorch counts them for SimpleCNN(classifier=False).
    const conv = 16 * 9 + 16 + 16 * 16 * 9 + 16 + 16 * 32 * 9 + 32;
    const bn = 2 * (16 + 16 + 32);
    const dense = 32 * 64 + 64 + 64 * 2 + 2;
    expect(model.countParams() - 2 * (16 + 16 + 32)).toBe(conv + bn + dense); // minus running mean / var
    model.dispose();
  });

  it('is reproducible from a seed and differs across seeds', () => {
    const weights = (seed: number) => {
      const model = buildFigure1Network({ seed });
      const values = Array.from(model.getWeights()[0].dataSync());
      model.dispose();
      return values;
    };
    expect(weights(7)).toEqual(weights(7));
    expect(weights(7)).not.toEqual(weights(8));
  });

  it('trains without leaking tensors', async () => {
    const backbone = new Backbone(2, 28, 0);
    const optimizer = tf.train.momentum(0.1, 0.9);
    const x = tf.randomNormal([4, 28, 28, 1]) as tf.Tensor4D;
    const step = () => {
      const cost = optimizer.minimize(() => tf.tidy(() => tf.mean(tf.square(backbone.embed(x, true))) as tf.Scalar), true, backbone.variables());
      cost?.dispose();
    };
    await expectNoTensorLeak(step, 3);
    x.dispose();
    optimizer.dispose();
    backbone.dispose();
  });
});
