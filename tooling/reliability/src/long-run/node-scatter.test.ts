// The same long runs with @mgp/scatter imported, so every segment reduction (sibling-group softmax, DeepNCM's
// class means) runs its Mgp* kernels instead of the built-in path: a leak in a kernel or its gradient shows here.
// Shorter than node.test.ts (MGP_LONG_RUN_SCATTER_STEPS, default 300): the shared code is exercised there.
import '@mgp/scatter';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { MgpScatterLogSumExp, MgpScatterMean, hasSegmentKernel } from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { functionalLongRun, layersLongRun, memoryDrift, type LongRunReport } from './loop';

const STEPS = Number(process.env.MGP_LONG_RUN_SCATTER_STEPS ?? 300);
const EVERY = Math.max(1, Math.floor(STEPS / 10));

function judge(name: string, report: LongRunReport): void {
  console.info(`${name} with Mgp* kernels on ${tf.getBackend()}: ${report.steps} steps, ${report.checkpoints[0].numTensors} tensors / ${report.checkpoints[0].numBytes} bytes throughout`);
  expect(memoryDrift(report), 'memory moved between checkpoints').toEqual([]);
  expect(report.nonFinite, 'a non-finite loss').toBeNull();
}

describe.each(['cpu', 'wasm'])('long runs with @mgp/scatter kernels on %s', (backend) => {
  it(`${STEPS} trainOnBatch steps and ${STEPS} custom-loop steps: memory flat, losses finite`, async () => {
    await useTestBackend(backend);
    expect(hasSegmentKernel(MgpScatterLogSumExp) && hasSegmentKernel(MgpScatterMean), 'the kernels are registered').toBe(true);
    judge('layers', await layersLongRun(STEPS, EVERY));
    judge('functions', functionalLongRun(STEPS, EVERY));
  }, 120_000);
});
