import type { ImageSet } from '../data/dataset';
import type { Progress } from '../progress';
import type { RunOutcome, RunSettings } from './experiment';
import type { MethodContext } from './method-types';

/** One model to train: a method id (methods hold functions, so workers look them up by id) and its context. */
export interface TrainJob {
  methodId: string;
  context: MethodContext;
  title: string;
}

export interface JobData {
  train: ImageSet;
  test: ImageSet;
  settings: RunSettings;
}

export type JobResult = { job: TrainJob; outcome: RunOutcome } | { job: TrainJob; error: string };

/** Messages between the main thread and a training worker. */
export type WorkerMessage =
  | { type: 'ready'; backend: string }
  | { type: 'task-start'; index: number; title: string; total: number }
  | { type: 'task-update'; index: number; value: number; detail: string }
  | { type: 'task-done'; index: number; summary?: string }
  | { type: 'result'; index: number; outcome: RunOutcome }
  | { type: 'failed'; index: number; error: string }
  | { type: 'fatal'; error: string };

export type MainMessage = { type: 'job'; index: number; job: TrainJob } | { type: 'stop' };

/** A progress that forwards to the main thread what a worker's task does. */
export function forwardingProgress(index: number, post: (m: WorkerMessage) => void): Progress {
  return {
    task(title, total) {
      post({ type: 'task-start', index, title, total });
      return {
        update: (value, detail = '') => post({ type: 'task-update', index, value, detail }),
        done: (summary) => post({ type: 'task-done', index, summary }),
      };
    },
    log: () => undefined,
    close: () => undefined,
  };
}
