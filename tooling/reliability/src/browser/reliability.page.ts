// The Chromium page of the reliability suite (built and driven by @mgp/browser-harness): IndexedDB save and load,
// the stored 0.1.0 fixture over real HTTP, a long run on webgl, and training with float16 textures. Returns plain
// numbers; the Node side judges them.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { exposeTests, wasmBaseUrl } from '@mgp/browser-harness/page';
import { DeepNCM, HypersphericalPrototypes, LearntPrototypes, MetricGuidedRegularizer, PROTOTYPE_METRICS, deepNcmUpdate, loadMgpModel, metricGuidedRegularizer, prototypeLogits } from '@mgp/core';
import { HierarchicalSoftmax, hierarchicalCrossEntropy, hierarchicalLogMarginals } from '@mgp/hierarchy';
import { MGP_SCATTER_KERNEL_NAMES, distortionLoss, rankLoss, segmentLogSumExp, segmentMax, segmentMean } from '@mgp/metrics';
import { registerScatterKernels } from '@mgp/scatter';
import { layersLongRun } from '../long-run/loop';
import { fixtureInputs, predict } from '../save-load/fixture-model';
import { randomMatrix } from '../support/matrices';
import { D, TREE, batch, fixedPrototypes, prototypeModel, regularizedModel, softmaxLoss } from '../support/models';

setWasmPaths(wasmBaseUrl());

// Referenced by name so the bundle keeps their tfjs registrations: a bare `import '@mgp/core'` does not, when the
// build resolves the `source` condition (see registration.test.ts).
const LAYER_CLASSES = [LearntPrototypes, HypersphericalPrototypes, DeepNCM, MetricGuidedRegularizer, HierarchicalSoftmax];

async function use(backend: unknown): Promise<string> {
  if (typeof backend !== 'string') throw new Error(`expected a backend name; got ${String(backend)}`);
  if (!(await tf.setBackend(backend))) throw new Error(`backend '${backend}' failed to start`);
  await tf.ready();
  return tf.getBackend();
}

const outputs = (model: tf.LayersModel, x: tf.Tensor) => tf.tidy(() => Array.from((model.predict(x) as tf.Tensor).dataSync()));

exposeTests({
  registered() {
    const map = tf.serialization.SerializationMap.getMap().classNameMap;
    return LAYER_CLASSES.map((cls) => [cls.className, map[cls.className]?.[0] === cls]);
  },

  /** Saves to IndexedDB and loads back (tf.loadLayersModel and loadMgpModel); trains the loaded fixed-prototype model. */
  async indexedDb(backend) {
    const active = await use(backend);
    const x = tf.tensor2d(randomMatrix(6, 5, 3));
    const report: Record<string, unknown> = { backend: active };
    for (const [name, model] of [
      ['regularized', regularizedModel(0.3)],
      ['fixed', prototypeModel({ initialPrototypes: fixedPrototypes(), trainable: false })],
      ...PROTOTYPE_METRICS.map((metric) => [`metric ${metric}`, prototypeModel({ metric, delta: 0.4 })] as const),
    ] as const) {
      const url = `indexeddb://mgp-reliability-${name.replace(/\W/g, '-')}`;
      await model.save(url);
      const loaded = await tf.loadLayersModel(url);
      const viaHelper = await loadMgpModel(url);
      const head = loaded.layers[1] as LearntPrototypes;
      const reg = head.getPrototypesRegularizer();
      const entry: Record<string, unknown> = {
        sameOutputs: JSON.stringify(outputs(loaded, x)) === JSON.stringify(outputs(model, x)),
        sameOutputsViaLoadMgpModel: JSON.stringify(outputs(viaHelper, x)) === JSON.stringify(outputs(model, x)),
        metric: head.metric,
        trainable: head.trainable,
        regularizer: reg instanceof MetricGuidedRegularizer ? { D: reg.costMatrix(), weight: reg.weight } : null,
      };
      if (name === 'fixed') {
        loaded.compile({ optimizer: tf.train.sgd(0.1), loss: softmaxLoss });
        const b = batch(12, 1);
        await loaded.fit(b.x, b.target, { epochs: 3, batchSize: 4, verbose: 0 });
        const p = head.getPrototypes();
        entry.prototypesAfterTraining = p.arraySync();
        entry.prototypesBefore = fixedPrototypes().map((r) => r.map(Math.fround));
        tf.dispose([b.x, b.y, b.target, p]);
      }
      report[name] = entry;
      [model, loaded, viaHelper].forEach((m) => m.dispose());
      await tf.io.removeModel(url);
    }
    x.dispose();
    report.leftInIndexedDb = Object.keys(await tf.io.listModels()).filter((k) => k.includes('mgp-reliability'));
    return report;
  },

  /** Loads the stored 0.1.0 fixture (served next to the page) over HTTP and returns its outputs. */
  async fixture(backend) {
    await use(backend);
    const model = await loadMgpModel('./fixtures/model-v0.1.0/model.json');
    const expected = (await (await fetch('./fixtures/model-v0.1.0/expected.json')).json()) as { outputs: number[][][]; inputs: ReturnType<typeof fixtureInputs> };
    const got = predict(model as unknown as Parameters<typeof predict>[0]);
    model.dispose();
    return { got, expected: expected.outputs };
  },

  /** A long run of the three-head model (tf.memory at checkpoints, losses). */
  async longRun(args) {
    const { backend, steps, every } = args as { backend: string; steps: number; every: number };
    await use(backend);
    return layersLongRun(steps, every);
  },

  /**
   * webgl with float16 textures: each component's value and gradient with @mgp/scatter's kernels and with the
   * built-in path, a run of training steps on each, and prototype logits at the edges f16 can hold.
   */
  async float16(args) {
    const { steps, builtinSteps } = args as { steps: number; builtinSteps: number };
    tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
    tf.env().set('WEBGL_RENDER_FLOAT32_ENABLED', false);
    const factory = tf.findBackendFactory('webgl');
    tf.removeBackend('webgl');
    tf.registerBackend('webgl', factory, 2);
    await use('webgl');
    const finite = (f: () => tf.Tensor | tf.Tensor[]) =>
      tf.tidy(() => {
        const out = f();
        return (Array.isArray(out) ? out : [out]).every((t) => t.dataSync().every(Number.isFinite));
      });
    const grads = (loss: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor) => () => {
      const { value, grad } = tf.valueAndGrad((v: tf.Tensor) => tf.sum(loss(v)) as tf.Scalar)(x);
      return [value, grad];
    };
    const components = (): Record<string, boolean> => {
      const points = tf.tensor2d(randomMatrix(6, 3, 8));
      const logits = tf.tensor2d(randomMatrix(4, 6, 9, 3));
      const edgesIn = tf.tensor2d(randomMatrix(4, TREE.numNodes - 1, 10, 3));
      const labels = [0, 3, 5, 1];
      const uneven = [0, 0, 0, 1, 1, 2];
      const out = {
        'prototypeLogits euclidean (value, gradient)': finite(grads((p) => prototypeLogits(p as tf.Tensor2D, points), points)),
        'distortion regularizer (value, gradient)': finite(grads((p) => metricGuidedRegularizer(D).apply(p), points)),
        'plain distortionLoss (value, gradient)': finite(grads((p) => distortionLoss(p as tf.Tensor2D, D, { scaleFree: false }), points)),
        'cosine distortionLoss (value, gradient)': finite(grads((p) => distortionLoss(p as tf.Tensor2D, D, { metric: 'cosine' }), points)),
        'rankLoss (value, gradient)': finite(grads((p) => rankLoss(p as tf.Tensor2D, D, { numTriplets: 30, seed: 1 }), points)),
        'segmentMax, segments of sizes 3, 2, 1 (value, gradient)': finite(grads((x) => segmentMax(x, uneven, 3, { axis: 1 }), logits)),
        'segmentLogSumExp, segments of sizes 3, 2, 1 (value, gradient)': finite(grads((x) => segmentLogSumExp(x, uneven, 3, { axis: 1 }), logits)),
        'segmentMean, segments of sizes 3, 2, 1 (value, gradient)': finite(grads((x) => segmentMean(x, uneven, 3, { axis: 1 }), logits)),
        'hierarchicalLogMarginals (value, gradient)': finite(grads((x) => hierarchicalLogMarginals(x as tf.Tensor2D, TREE), edgesIn)),
        'hierarchicalCrossEntropy (value, gradient)': finite(grads((x) => hierarchicalCrossEntropy(x as tf.Tensor2D, labels, TREE), logits)),
        deepNcmUpdate: finite(() => {
          const next = deepNcmUpdate(points as tf.Tensor2D, tf.zeros([6]) as tf.Tensor1D, tf.tensor2d(randomMatrix(4, 3, 11)), labels);
          return [next.prototypes, next.counts];
        }),
      };
      tf.dispose([points, logits, edgesIn]);
      return out;
    };
    const withKernels = components();
    for (const name of MGP_SCATTER_KERNEL_NAMES) tf.unregisterKernel(name, 'webgl');
    const builtin = components();
    const builtinRun = await layersLongRun(builtinSteps, builtinSteps);
    registerScatterKernels(['webgl']);
    const run = await layersLongRun(steps, Math.max(1, Math.floor(steps / 10)));
    const P = randomMatrix(4, 3, 5);
    const edges: Record<string, boolean> = {};
    for (const scale of [1, 1e-2, 100]) {
      for (const metric of PROTOTYPE_METRICS) {
        edges[`${metric} x=p at norm ${scale}`] = tf.tidy(() => {
          const x = tf.tensor2d(P.map((r) => r.map((v) => v * scale)));
          const target = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 4);
          const loss = (e: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(target, prototypeLogits(e as tf.Tensor2D, p as tf.Tensor2D, { metric })) as tf.Scalar;
          const { value, grads } = tf.valueAndGrads(loss)([x, tf.clone(x)]);
          return [value, ...grads].every((t) => t.dataSync().every(Number.isFinite));
        });
      }
    }
    return {
      f16: tf.env().getBool('WEBGL_FORCE_F16_TEXTURES'),
      negativeInfinityReadsBack: tf.tidy(() => tf.fill([1], Number.NEGATIVE_INFINITY).dataSync()[0]),
      run,
      builtinRun,
      edges,
      withKernels,
      builtin,
    };
  },
});
