// The long-run training loops, shared by the Node tests (cpu, wasm) and the Chromium page (webgl). They return
// what they saw — memory at regular checkpoints and the losses — and assert nothing.
import * as tf from '@tensorflow/tfjs-core';
import { deepNcmUpdate, metricGuidedRegularizer, prototypeLogits } from '@mgp/core';
import { hierarchicalCrossEntropy } from '@mgp/hierarchy';
import { D, EMBED_DIM, INPUT_DIM, K, TREE, batch, logProbLoss, softmaxLoss, threeHeadModel } from '../support/models';
import { randomMatrix } from '../support/matrices';

export interface Checkpoint {
  step: number;
  numTensors: number;
  numBytes: number;
  /** webgl only: bytes held in GPU textures. */
  numBytesInGPU?: number;
}

export interface LongRunReport {
  steps: number;
  checkpoints: Checkpoint[];
  /** Total loss at each checkpoint. */
  losses: number[];
  /** The first non-finite loss seen, as 'step n: value', or null. */
  nonFinite: string | null;
}

function checkpoint(step: number): Checkpoint {
  const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return { step, numTensors: m.numTensors, numBytes: m.numBytes, ...(m.numBytesInGPU === undefined ? {} : { numBytesInGPU: m.numBytesInGPU }) };
}

/** Batches cycled through, so every step sees new data without making tensors in the loop. */
function batches(count: number, size: number) {
  return Array.from({ length: count }, (_, i) => batch(size, 100 + i));
}

/**
 * `steps` of model.trainOnBatch on one backbone with three heads: LearntPrototypes with the metric-guided
 * regularizer (model.fit adds it), DeepNCM updating its means from the label input, and a HierarchicalSoftmax.
 */
export async function layersLongRun(steps: number, every: number, warmup = 5): Promise<LongRunReport> {
  const { model } = threeHeadModel();
  model.compile({ optimizer: tf.train.sgd(0.05), loss: [softmaxLoss, softmaxLoss, logProbLoss] });
  const data = batches(4, 6);
  const report: LongRunReport = { steps, checkpoints: [], losses: [], nonFinite: null };
  for (let step = 1; step <= warmup + steps; step++) {
    const b = data[step % data.length];
    const out = await model.trainOnBatch([b.x, b.y], [b.target, b.target, b.target]);
    const loss = (Array.isArray(out) ? out[0] : out) as number;
    if (!Number.isFinite(loss) && report.nonFinite === null) report.nonFinite = `step ${step}: ${loss}`;
    if (step >= warmup && (step - warmup) % every === 0) {
      report.checkpoints.push(checkpoint(step - warmup));
      report.losses.push(loss);
    }
  }
  for (const b of data) tf.dispose([b.x, b.y, b.target]);
  model.dispose();
  return report;
}

/**
 * `steps` of a custom loop on the function API: prototypeLogits + the regularizer's apply + HXE, minimized by
 * SGD over tf.variables, with deepNcmUpdate moving a pair of means/counts variables alongside.
 */
export function functionalLongRun(steps: number, every: number, warmup = 5): LongRunReport {
  const [w, prototypes, leafHead] = [
    tf.variable(tf.tensor2d(randomMatrix(INPUT_DIM, EMBED_DIM, 31))),
    tf.variable(tf.tensor2d(randomMatrix(K, EMBED_DIM, 32))),
    tf.variable(tf.tensor2d(randomMatrix(EMBED_DIM, K, 33))),
  ];
  const means = tf.variable(tf.zeros([K, EMBED_DIM]), false);
  const counts = tf.variable(tf.zeros([K]), false);
  const regularizer = metricGuidedRegularizer(D, { weight: 0.1 });
  const optimizer = tf.train.sgd(0.05);
  const data = batches(4, 6);
  const report: LongRunReport = { steps, checkpoints: [], losses: [], nonFinite: null };
  for (let step = 1; step <= warmup + steps; step++) {
    const b = data[step % data.length];
    const cost = optimizer.minimize(() => {
      const embeddings = tf.tanh(tf.matMul(b.x, w)) as tf.Tensor2D;
      const logits = prototypeLogits(embeddings, prototypes as tf.Tensor2D);
      const ce = tf.losses.softmaxCrossEntropy(b.target, logits);
      const hxe = hierarchicalCrossEntropy(tf.matMul(embeddings, leafHead) as tf.Tensor2D, b.labels, TREE, { alpha: 0.5 });
      return tf.addN([ce, hxe, regularizer.apply(prototypes)]) as tf.Scalar;
    }, true);
    tf.tidy(() => {
      const embeddings = tf.tanh(tf.matMul(b.x, w));
      const next = deepNcmUpdate(means as tf.Tensor2D, counts as tf.Tensor1D, embeddings, b.labels);
      means.assign(next.prototypes);
      counts.assign(next.counts);
    });
    const loss = (cost as tf.Scalar).dataSync()[0];
    (cost as tf.Scalar).dispose();
    if (!Number.isFinite(loss) && report.nonFinite === null) report.nonFinite = `step ${step}: ${loss}`;
    if (step >= warmup && (step - warmup) % every === 0) {
      report.checkpoints.push(checkpoint(step - warmup));
      report.losses.push(loss);
    }
  }
  for (const b of data) tf.dispose([b.x, b.y, b.target]);
  tf.dispose([w, prototypes, leafHead, means, counts]);
  optimizer.dispose();
  return report;
}

/** Checkpoints whose memory differs from the first one's, as readable lines (empty when memory stayed flat). */
export function memoryDrift(report: LongRunReport): string[] {
  const [first] = report.checkpoints;
  return report.checkpoints
    .filter((c) => c.numTensors !== first.numTensors || c.numBytes !== first.numBytes || c.numBytesInGPU !== first.numBytesInGPU)
    .map((c) => `step ${c.step}: ${c.numTensors - first.numTensors} tensors, ${c.numBytes - first.numBytes} bytes${c.numBytesInGPU === undefined ? '' : `, ${c.numBytesInGPU - (first.numBytesInGPU ?? 0)} GPU bytes`}`);
}
