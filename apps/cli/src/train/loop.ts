import * as tf from '@tensorflow/tfjs-core';
import { batchRows, makeBatch } from '../data/batches';
import type { ImageSet } from '../data/dataset';
import { createRng, permutation } from '../rng';
import type { TrainableModel } from './method-types';
import { learningRateAt, type StepSchedule } from './schedule';
import { SgdMomentum } from './sgd';

export interface StepInfo {
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  loss: number;
  learningRate: number;
}

export interface TrainOptions {
  schedule: StepSchedule;
  batchSize: number;
  momentum: number;
  seed: number;
  onStep?: (info: StepInfo) => void;
}

export interface TrainResult {
  seconds: number;
  epochSeconds: number[];
  finalLoss: number;
  /** Tensors alive after each epoch; constant from the second epoch on when nothing leaks. */
  tensorsAfterEpoch: number[];
}

/**
 * SGD with momentum (PyTorch's form) over shuffled mini-batches, the last one smaller when the set does not
 * divide (the seed's `drop_last=False`), the learning rate following the step schedule.
 */
export async function train(model: TrainableModel, data: ImageSet, options: TrainOptions): Promise<TrainResult> {
  const { schedule, batchSize } = options;
  const optimizer = new SgdMomentum(learningRateAt(schedule, 0), options.momentum);
  const rng = createRng(options.seed);
  const stepsPerEpoch = Math.ceil(data.count / batchSize);
  const epochSeconds: number[] = [];
  const tensorsAfterEpoch: number[] = [];
  let finalLoss = Number.NaN;
  let step = 0;
  const start = performance.now();
  try {
    for (let epoch = 0; epoch < schedule.epochs; epoch++) {
      const epochStart = performance.now();
      const learningRate = learningRateAt(schedule, epoch);
      optimizer.learningRate = learningRate;
      let index = 0;
      for (const rows of batchRows(permutation(data.count, rng), batchSize)) {
        const { x, y } = makeBatch(data, rows);
        const cost = optimizer.step(() => model.loss(x, y, step), model.variables);
        model.afterStep?.(x, y);
        finalLoss = (await cost.data())[0];
        tf.dispose([x, y, cost]);
        step++;
        index++;
        options.onStep?.({ epoch, epochs: schedule.epochs, step: index, stepsPerEpoch, loss: finalLoss, learningRate });
        // Let progress bars and signals through between steps; wasm kernels otherwise hold the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
      epochSeconds.push((performance.now() - epochStart) / 1000);
      tensorsAfterEpoch.push(tf.memory().numTensors);
    }
  } finally {
    optimizer.dispose();
  }
  return { seconds: (performance.now() - start) / 1000, epochSeconds, finalLoss, tensorsAfterEpoch };
}
