import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { madeInputs, tfErrorCases } from './error-cases.test-support';

beforeAll(async () => {
  await useTestBackend();
});

describe('tfjs validation errors: thrown before any tensor work, nothing left behind', () => {
  it.each(tfErrorCases)('%s', (_name, call, message) => {
    let error: unknown;
    madeInputs.length = 0;
    const before = tf.memory().numTensors;
    try {
      call();
    } catch (e) {
      error = e;
    }
    // Only the case's own (live) inputs exist: the function created no tensor before throwing.
    const liveInputs = madeInputs.filter((t) => !t.isDisposed).length;
    expect(tf.memory().numTensors - before).toBe(liveInputs);
    tf.dispose(madeInputs);
    expect(error).toBeInstanceOf(MgpInputError);
    expect((error as Error).message).toBe(message);
  });
});
