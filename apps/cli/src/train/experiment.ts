import * as tf from '@tensorflow/tfjs-core';
import type { ImageSet } from '../data/dataset';
import type { Progress } from '../progress';
import { classMeans, predictAll, prototypeDistortion, type Predictions } from './evaluate';
import { train, type TrainResult } from './loop';
import type { MethodContext, MethodSpec } from './method-types';
import type { StepSchedule } from './schedule';

export interface RunSettings {
  schedule: StepSchedule;
  batchSize: number;
  momentum: number;
}

export interface RunOutcome {
  methodId: string;
  methodLabel: string;
  seed: number;
  embeddingDim: number;
  training: TrainResult;
  test: Predictions;
  /** Prototypes if the head has them, else the class means of the training embeddings. */
  prototypes: number[][];
  prototypeKind: 'prototype' | 'class mean';
  /** Scale-free distortion of `prototypes` against D. */
  prototypeDistortion: number;
  /** Tensors left alive by the whole run (model built, trained, evaluated, disposed); 0 when nothing leaks. */
  leakedTensors: number;
}

/** Builds, trains, evaluates and disposes one model; the test outputs and prototypes are kept as plain arrays. */
export async function runMethod(
  method: MethodSpec,
  context: MethodContext,
  data: { train: ImageSet; test: ImageSet },
  settings: RunSettings,
  progress: Progress,
  title: string,
): Promise<RunOutcome> {
  const model = await method.create(context);
  try {
    const stepsPerEpoch = Math.ceil(data.train.count / settings.batchSize);
    const task = progress.task(title, settings.schedule.epochs * stepsPerEpoch);
    const training = await train(model, data.train, {
      ...settings,
      seed: context.seed,
      onStep: (s) => task.update(s.epoch * s.stepsPerEpoch + s.step, `epoch ${s.epoch + 1}/${s.epochs} loss ${s.loss.toFixed(3)}`),
    });
    const test = await predictAll(model, data.test);
    let prototypes = model.prototypes();
    let prototypeKind: RunOutcome['prototypeKind'] = 'prototype';
    if (prototypes === null) {
      prototypes = classMeans(await predictAll(model, data.train));
      prototypeKind = 'class mean';
    }
    const outcome: RunOutcome = {
      methodId: method.id,
      methodLabel: method.label,
      seed: context.seed,
      embeddingDim: context.embeddingDim,
      training,
      test,
      prototypes,
      prototypeKind,
      prototypeDistortion: prototypeDistortion(prototypes, context.D),
      leakedTensors: 0,
    };
    const quick = quickScores(test, context.D);
    task.done(`${training.seconds.toFixed(1)} s, test ER ${(quick.errorRate * 100).toFixed(2)}%, AC ${quick.averageCost.toFixed(3)}`);
    return outcome;
  } finally {
    model.dispose();
  }
}

/** Runs `runMethod` and records the tensors it left behind (after the model is disposed). */
export async function runMethodChecked(...args: Parameters<typeof runMethod>): Promise<RunOutcome> {
  const before = tf.memory().numTensors;
  const outcome = await runMethod(...args);
  outcome.leakedTensors = tf.memory().numTensors - before;
  return outcome;
}

/** Error rate and average cost of the argmax, in plain JS, for the progress line (the report uses @mgp/metrics). */
function quickScores(test: Predictions, D: number[][]): { errorRate: number; averageCost: number } {
  let wrong = 0;
  let cost = 0;
  for (let i = 0; i < test.count; i++) {
    const row = test.scores.subarray(i * test.numClasses, (i + 1) * test.numClasses);
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
    if (best !== test.labels[i]) wrong++;
    cost += D[test.labels[i]][best];
  }
  return { errorRate: wrong / test.count, averageCost: cost / test.count };
}
