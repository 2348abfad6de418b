// Cost metrics, Bayes decision, EMD, soft labels and separation against the float64 golden files.
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, goldenCases, maxRelativeError, useTestBackend } from '@mgp/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  averageCost,
  AverageCostMeter,
  bayesDecision,
  emdLoss,
  hierarchicalDistanceAtK,
  HierarchicalDistanceMeter,
  mistakeSeverity,
  MistakeSeverityMeter,
  separationLoss,
  softLabelCrossEntropy,
  softLabels,
} from '../index';

const errors: Record<string, number> = {};
function check(key: string, actual: number | number[][], expected: number | number[][]): void {
  errors[key] = Math.max(errors[key] ?? 0, maxRelativeError(actual, expected));
  expectClose(actual, expected);
}
const value = (t: tf.Tensor): number => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

beforeAll(async () => {
  await useTestBackend();
});
afterAll(() => console.log('cost golden max relative errors', errors));

describe.each(goldenCases)('%s', (_, g) => {
  const D = g.tree.distance_path;
  const labels = g.inputs.labels;
  const logits = () => tf.tensor2d(g.inputs.logits);

  it('average_cost, average_cost_ignore_label0, mistake_severity', () => {
    const x = logits();
    check('average_cost', value(averageCost(x, labels, D)), g.average_cost);
    const ignored = value(averageCost(x, tf.tensor1d(labels, 'int32'), tf.tensor2d(D), { ignoreIndex: 0 }));
    if (g.average_cost_ignore_label0 === null) expect(ignored).toBeNaN();
    else check('average_cost_ignore_label0', ignored, g.average_cost_ignore_label0);
    check('mistake_severity', value(mistakeSeverity(x, labels, D)), g.mistake_severity);
    x.dispose();
  });

  it('hdist_at_k (avg, top)', () => {
    const x = logits();
    const { k } = g.hdist_at_k;
    check('hdist_at_k.avg', value(hierarchicalDistanceAtK(x, labels, D, k)), g.hdist_at_k.avg);
    check('hdist_at_k.top', value(hierarchicalDistanceAtK(x, labels, D, k, { mode: 'top' })), g.hdist_at_k.top);
    x.dispose();
  });

  it('bayes_decision', () => {
    const x = logits();
    const decision = bayesDecision(x, D);
    expect(decision.dtype).toBe('int32');
    expect(Array.from(decision.dataSync())).toEqual(g.bayes_decision);
    tf.dispose([x, decision]);
  });

  it('emd_loss', () => {
    const x = logits();
    const { lambda, mu } = g.emd_loss;
    check('emd_loss', value(emdLoss(x, labels, D, { lambda, mu })), g.emd_loss.value);
    x.dispose();
  });

  it('soft_labels.targets / .loss', () => {
    const x = logits();
    const { beta } = g.soft_labels;
    const targets = softLabels(D, labels, { beta });
    check('soft_labels.targets', targets.arraySync() as number[][], g.soft_labels.targets);
    check('soft_labels.loss', value(softLabelCrossEntropy(x, labels, D, { beta })), g.soft_labels.loss);
    tf.dispose([x, targets]);
  });

  it('separation_loss', () => {
    const p = tf.tensor2d(g.separation_loss.prototypes_normalized);
    check('separation_loss', value(separationLoss(p)), g.separation_loss.value);
    check('separation_loss (no renormalisation)', value(separationLoss(p, { normalize: false })), g.separation_loss.value);
    p.dispose();
  });

  it('streaming meters over uneven batches equal the whole-batch goldens', () => {
    const avg = new AverageCostMeter(D);
    const severity = new MistakeSeverityMeter(tf.tensor2d(D));
    const hdist = new HierarchicalDistanceMeter(D, g.hdist_at_k.k, { mode: 'top' });
    const before = tf.memory().numTensors;
    for (const [start, end] of [[0, 1], [1, 4], [4, labels.length]]) {
      const x = tf.tensor2d(g.inputs.logits.slice(start, end));
      for (const meter of [avg, severity, hdist]) meter.update(x, labels.slice(start, end));
      x.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    check('meters: average_cost', avg.result(), g.average_cost);
    check('meters: mistake_severity', severity.result(), g.mistake_severity);
    check('meters: hdist_at_k.top', hdist.result(), g.hdist_at_k.top);
    expect(avg.count).toBe(labels.length);
    avg.reset();
    expect(avg.result()).toBeNaN();
  });
});
