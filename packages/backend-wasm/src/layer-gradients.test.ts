// Gradients of tfjs-layers convolution layers are the same on wasm (with this package's kernels) and on cpu.
import { expectClose, useTestBackend } from '@mgp/test-utils';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './index';
import { maxAbs } from './testing/kernel-harness';
import { rng, uniform } from './testing/random';

interface LayerCase {
  name: string;
  make: () => tfl.layers.Layer;
  inputShape: number[];
}

/** Seeded weights: tfjs-layers' default initializers draw from an unseeded generator, a new layer each run. */
const seeded = (seed: number) => tfl.initializers.glorotUniform({ seed });

const cases: LayerCase[] = [];
for (const strides of [1, 2])
  for (const padding of ['same', 'valid'] as const) {
    for (const dataFormat of ['channelsLast', 'channelsFirst'] as const) {
      cases.push({
        name: `conv2d 3x3 → 4, strides ${strides}, ${padding}, ${dataFormat}`,
        make: () => tfl.layers.conv2d({ filters: 4, kernelSize: 3, strides, padding, dataFormat, useBias: true, kernelInitializer: seeded(1) }),
        inputShape: dataFormat === 'channelsLast' ? [2, 9, 8, 3] : [2, 3, 9, 8],
      });
    }
    cases.push({
      name: `conv2d 2x3 kernel, no bias, strides ${strides}, ${padding}`,
      make: () => tfl.layers.conv2d({ filters: 5, kernelSize: [2, 3], strides, padding, useBias: false, kernelInitializer: seeded(2) }),
      inputShape: [3, 7, 10, 2],
    });
    for (const depthMultiplier of [1, 2]) {
      cases.push({
        name: `depthwiseConv2d 3x3 ×${depthMultiplier}, strides ${strides}, ${padding}`,
        make: () => tfl.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier, strides, padding, useBias: true, depthwiseInitializer: seeded(3) }),
        inputShape: [2, 9, 8, 3],
      });
      cases.push({
        name: `separableConv2d 3x3 ×${depthMultiplier} → 4, strides ${strides}, ${padding}`,
        make: () => tfl.layers.separableConv2d({
            filters: 4,
            kernelSize: 3,
            depthMultiplier,
            strides,
            padding,
            useBias: true,
            depthwiseInitializer: seeded(4),
            pointwiseInitializer: seeded(5),
          }),
        inputShape: [2, 9, 8, 3],
      });
    }
  }

/**
 * The layer's output y and d(Σ y·r)/d(input and every weight) on `backend`, as plain arrays keyed by name.
 * The output is compared element-wise rather than through Σ y·r: that sum can cancel to far below its terms, and
 * then float32 rounding of either backend dominates any relative check of it.
 */
async function gradients(backend: 'cpu' | 'wasm', layer: tfl.layers.Layer, input: tf.Variable, r: Float32Array) {
  await tf.setBackend(backend);
  let output: Float32Array = new Float32Array(0);
  const { value, grads } = tf.variableGrads(() => {
    const y = layer.apply(input) as tf.Tensor;
    output = y.dataSync() as Float32Array;
    return tf.sum(tf.mul(y, tf.tensor(r, y.shape)));
  }, [input, ...layer.trainableWeights.map((w) => w.read() as tf.Variable)]);
  const out: Record<string, Float32Array> = { output };
  for (const [name, g] of Object.entries(grads)) out[name] = g.dataSync() as Float32Array;
  tf.dispose([value, ...Object.values(grads)]);
  return out;
}

beforeAll(async () => {
  await useTestBackend('cpu');
  await useBackend();
});

describe('layer gradients: wasm equals cpu', () => {
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    await tf.setBackend('cpu');
    const next = rng(1000 + i);
    const layer = c.make();
    const input = tf.variable(tf.tensor(uniform(next, c.inputShape.reduce((a, d) => a * d, 1)), c.inputShape));
    tf.dispose(layer.apply(input) as tf.Tensor); // builds the weights
    const outShape = layer.computeOutputShape(c.inputShape) as number[];
    const r = uniform(next, outShape.reduce((a, d) => a * d, 1));
    const before = tf.memory().numTensors;
    const cpu = await gradients('cpu', layer, input, r);
    const wasm = await gradients('wasm', layer, input, r);
    expect(Object.keys(wasm).sort()).toEqual(Object.keys(cpu).sort());
    expect(Object.keys(cpu).length).toBe(2 + layer.trainableWeights.length);
    for (const name of Object.keys(cpu)) {
      expectClose(wasm[name], cpu[name], { rtol: 1e-4, atol: 1e-4 * Math.max(maxAbs(cpu[name]), 1e-3) });
    }
    expect(tf.memory().numTensors).toBe(before);
    layer.dispose();
    input.dispose();
  });
});
