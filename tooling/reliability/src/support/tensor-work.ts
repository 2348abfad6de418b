// Watches tfjs's engine while a call runs: every kernel it runs and every tensor it creates (made from values,
// from a kernel, or as a variable), so a test can prove that a refused call was refused before any tensor work.
import * as tf from '@tensorflow/tfjs-core';

export interface TensorWork {
  /** Kernels run, by name, in order. */
  kernels: string[];
  /** Tensors created (including ones already disposed again). */
  tensorsMade: number;
  /** tf.memory().numTensors after the call minus before it. */
  leftBehind: number;
}

type Patchable = { runKernel: (...args: unknown[]) => unknown; trackTensor: (...args: unknown[]) => unknown };

function watch(): { work: TensorWork; stop(): void } {
  const engine = tf.engine() as unknown as Patchable;
  const work: TensorWork = { kernels: [], tensorsMade: 0, leftBehind: 0 };
  const before = tf.memory().numTensors;
  const runKernel = engine.runKernel;
  const trackTensor = engine.trackTensor;
  engine.runKernel = function (this: unknown, ...args: unknown[]) {
    work.kernels.push(String(args[0]));
    return runKernel.apply(this, args);
  };
  engine.trackTensor = function (this: unknown, ...args: unknown[]) {
    work.tensorsMade++;
    return trackTensor.apply(this, args);
  };
  return {
    work,
    stop() {
      engine.runKernel = runKernel;
      engine.trackTensor = trackTensor;
      work.leftBehind = tf.memory().numTensors - before;
    },
  };
}

export interface Outcome extends TensorWork {
  /** What the call threw (or its promise rejected with); undefined when it returned. */
  error: unknown;
  returned: boolean;
}

/** Runs `call` (sync or async), recording the tensor work it did and what it threw. A returned tensor is disposed. */
export async function runWatched(call: () => unknown): Promise<Outcome> {
  const { work, stop } = watch();
  let error: unknown;
  let returned = false;
  let value: unknown;
  try {
    value = call();
    if (value instanceof Promise) value = await value;
    returned = true;
  } catch (e) {
    error = e;
  } finally {
    stop();
  }
  if (returned) tf.dispose(value as tf.TensorContainer);
  return { ...work, error, returned };
}
