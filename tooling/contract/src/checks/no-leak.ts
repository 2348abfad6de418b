// Training and evaluation steps leave tf.memory().numTensors unchanged; failed calls leave nothing behind.
import type * as tfNamespace from '@tensorflow/tfjs';
import { mgpCore, mgpHierarchy, mgpMetrics } from './api';
import { newDeepNCM } from './golden/deepncm';
import { hierarchicalNll } from './train/hierarchy-steps';
import { prototypeModel, trainStep } from './models';
import { quantity } from './quantities';
import { goldenHierarchy } from './tree';
import type { ContractCheck, Quantity, Tf } from './types';

const REPEAT = 5;

/** Tensors left behind by `REPEAT` runs of `step` after one warm-up (which may create optimizer slots). */
async function leaked(tf: Tf, step: () => Promise<unknown>): Promise<number> {
  await step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < REPEAT; i++) await step();
  return tf.memory().numTensors - before;
}

function noLeak(key: string, count: number): Quantity {
  return quantity(`${key} (tensors left after ${REPEAT} steps)`, 'exact', [count], [0]);
}

export const noLeakPrototypesCheck: ContractCheck = {
  name: 'no-leak/learnt-prototypes',
  uses: '@mgp/core LearntPrototypes, metricGuidedRegularizer, prototypeLogits; @mgp/metrics losses',
  async run(tf, data) {
    const g = data.goldens[0][1];
    const D = g.tree.distance_path;
    const model = prototypeModel(tf, g);
    const x = tf.tensor2d(g.inputs.embeddings);
    const p = tf.tensor2d(g.inputs.prototypes);
    const y = tf.oneHot(tf.tensor1d(g.inputs.labels, 'int32'), g.inputs.prototypes.length);
    try {
      const forward = async () => {
        const outs = [
          mgpCore.prototypeLogits(x, p, { metric: 'cosine' }),
          mgpMetrics.distortionLoss(p, D),
          mgpMetrics.rankLoss(p, D, { triplets: g.inputs.triplets }),
          tf.grad((q: tfNamespace.Tensor) => mgpMetrics.distortionLoss(q as tfNamespace.Tensor2D, D))(p),
        ];
        await Promise.all(outs.map((t) => t.data()));
        tf.dispose(outs);
      };
      return {
        quantities: [
          noLeak('model.trainOnBatch', await leaked(tf, () => trainStep(model, x, y))),
          noLeak('model.predict', await leaked(tf, async () => tf.dispose(model.predict(x) as tfNamespace.Tensor))),
          noLeak('prototypeLogits, distortionLoss, rankLoss, gradient', await leaked(tf, forward)),
        ],
      };
    } finally {
      tf.dispose([x, p, y]);
      model.dispose();
    }
  },
};

export const noLeakDeepNcmCheck: ContractCheck = {
  name: 'no-leak/deepncm',
  uses: '@mgp/core DeepNCM',
  async run(tf, data) {
    const g = data.goldens[0][1];
    const { layer, model } = newDeepNCM(tf, g);
    const batch = g.deepncm.batches[0];
    const x = tf.tensor2d(batch.embeddings);
    try {
      const step = async () => {
        layer.update(x, batch.labels);
        tf.dispose(layer.apply(x) as tfNamespace.Tensor);
      };
      return { quantities: [noLeak('update + apply', await leaked(tf, step))] };
    } finally {
      x.dispose();
      model.dispose();
    }
  },
};

export const noLeakHierarchyCheck: ContractCheck = {
  name: 'no-leak/hierarchy',
  uses: '@mgp/hierarchy HierarchicalSoftmax, hierarchicalCrossEntropy',
  async run(tf, data) {
    const g = data.goldens[0][1];
    const h = goldenHierarchy(g);
    const nll = hierarchicalNll(tf, g);
    const edges = tf.variable(tf.tensor2d(g.hierarchical_inference.edge_logits));
    const leaves = tf.variable(tf.tensor2d(g.inputs.logits));
    const optimizer = tf.train.sgd(0.1);
    try {
      const hxeLoss = () => mgpHierarchy.hierarchicalCrossEntropy(leaves as tfNamespace.Tensor2D, g.inputs.labels, h, { alpha: g.hxe.alpha });
      return {
        quantities: [
          noLeak('HierarchicalSoftmax SGD step', await leaked(tf, async () => optimizer.minimize(() => nll.loss(edges), false, [edges]))),
          noLeak('hierarchicalCrossEntropy SGD step', await leaked(tf, async () => optimizer.minimize(hxeLoss, false, [leaves]))),
        ],
      };
    } finally {
      nll.dispose();
      tf.dispose([edges, leaves]);
      optimizer.dispose();
    }
  },
};

/** Bad input is rejected before any tensor work: the call throws and leaves numTensors where it was. */
export const failedCallsCheck: ContractCheck = {
  name: 'no-leak/failed-calls',
  uses: '@mgp/metrics validation, @mgp/hierarchy validation',
  async run(tf, data) {
    const g = data.goldens[0][1];
    const p = tf.tensor2d(g.inputs.prototypes);
    const logits = tf.tensor2d(g.inputs.logits);
    const h = goldenHierarchy(g);
    try {
      const attempts: Array<[string, () => unknown]> = [
        ['distortionLoss with a D of the wrong size', () => mgpMetrics.distortionLoss(p, [[0, 1], [1, 0]])],
        ['hierarchicalCrossEntropy with a label out of range', () => mgpHierarchy.hierarchicalCrossEntropy(logits, g.inputs.labels.map(() => 999), h, { alpha: 0.5 })],
      ];
      const quantities: Quantity[] = [];
      for (const [key, call] of attempts) {
        const before = tf.memory().numTensors;
        let threw = 0;
        try {
          tf.dispose(call() as tfNamespace.Tensor);
        } catch {
          threw = 1;
        }
        quantities.push(quantity(`${key}: threw`, 'exact', [threw], [1]));
        quantities.push(quantity(`${key}: tensors left`, 'exact', [tf.memory().numTensors - before], [0]));
      }
      return { quantities };
    } finally {
      tf.dispose([p, logits]);
    }
  },
};
