// The training loop: one optimizer step per animation frame (the page stays responsive), a look at the held-out
// digits every few steps, stoppable at any step. Everything it creates is disposed when it ends.
import * as tf from '@tensorflow/tfjs-core';
import { BatchSampler } from '../data/batches';
import type { Dataset } from '../data/dataset';
import { evaluate, type Snapshot } from './evaluate';
import type { TrainableMethod } from './methods';

/**
 * The prototypes' learning rate over the network's. With Adam every weight moves by about the learning rate per
 * step; the embedding, the output of many such weights, moves much faster than a prototype would at the same rate.
 */
export const PROTOTYPE_LR_FACTOR = 10;

export interface TrainSettings {
  steps: number;
  batchSize: number;
  /** Adam's learning rate for the network (the prototypes get PROTOTYPE_LR_FACTOR times as much). */
  learningRate: number;
  /** Evaluate on the held-out set every this many steps (and after the last). */
  evalEvery: number;
  seed: number;
}

export interface TrainHooks {
  onSnapshot(snapshot: Snapshot): void;
  onStep?(step: number): void;
  /** Checked before every step. */
  shouldStop(): boolean;
}

export interface TrainResult {
  steps: number;
  stopped: boolean;
  last: Snapshot | null;
}

/** The gradients of some of the variables, in the form optimizers take. */
function pick(grads: tf.NamedTensorMap, variables: tf.Variable[]): { name: string; tensor: tf.Tensor }[] {
  return variables.filter((v) => grads[v.name] !== undefined).map((v) => ({ name: v.name, tensor: grads[v.name] }));
}

function tensorOf(split: { x: Float32Array; count: number }, inputShape: number[]): tf.Tensor {
  return tf.tensor(split.x, [split.count, ...inputShape], 'float32');
}

export async function train(method: TrainableMethod, dataset: Dataset, D: number[][], settings: TrainSettings, hooks: TrainHooks): Promise<TrainResult> {
  const trainX = tensorOf(dataset.train, dataset.inputShape);
  const trainY = tf.tensor1d(dataset.train.labels, 'int32');
  const heldOut = { x: tensorOf(dataset.heldOut, dataset.inputShape), labels: dataset.heldOut.labels };
  const networkOptimizer = tf.train.adam(settings.learningRate);
  const prototypeOptimizer = tf.train.adam(settings.learningRate * PROTOTYPE_LR_FACTOR);
  const variables = [...method.networkVariables, ...method.prototypeVariables];
  const sampler = new BatchSampler(dataset.train.labels, settings.batchSize, settings.seed);
  let lossSum: tf.Scalar | null = null;
  let lossCount = 0;
  let last: Snapshot | null = null;
  let step = 0;
  const look = async () => {
    const mean = lossSum ? (await lossSum.data())[0] / lossCount : NaN;
    lossSum?.dispose();
    lossSum = null;
    lossCount = 0;
    last = await evaluate(method, heldOut, D, step, mean);
    hooks.onSnapshot(last);
  };
  try {
    await look();
    while (step < settings.steps && !hooks.shouldStop()) {
      const batch = sampler.next();
      const cost = tf.tidy(() => {
        const rows = tf.tensor1d(batch.indices, 'int32');
        const x = tf.gather(trainX, rows);
        const y = tf.gather(trainY, rows) as tf.Tensor1D;
        const { value, grads } = tf.variableGrads(() => method.loss(x, y, batch.labels), variables);
        networkOptimizer.applyGradients(pick(grads, method.networkVariables));
        if (method.prototypeVariables.length > 0) prototypeOptimizer.applyGradients(pick(grads, method.prototypeVariables));
        return value;
      });
      // Sum the losses on the device; they are read back only at the next look.
      const previous: tf.Scalar | null = lossSum;
      lossSum = previous ? (tf.add(previous, cost) as tf.Scalar) : cost;
      if (previous) {
        previous.dispose();
        cost.dispose();
      }
      lossCount += 1;
      step += 1;
      hooks.onStep?.(step);
      if (step % settings.evalEvery === 0 || step === settings.steps) await look();
      await tf.nextFrame();
    }
    if (last === null || (last as Snapshot).step !== step) await look();
    return { steps: step, stopped: step < settings.steps, last };
  } finally {
    (lossSum as tf.Scalar | null)?.dispose();
    networkOptimizer.dispose();
    prototypeOptimizer.dispose();
    tf.dispose([trainX, trainY, heldOut.x]);
  }
}
