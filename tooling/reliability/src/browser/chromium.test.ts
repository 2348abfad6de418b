// The browser half of the suite, in Debian's headless Chromium through @mgp/browser-harness: IndexedDB save and
// load of LearntPrototypes models, the stored 0.1.0 fixture loaded over real HTTP, a long run on webgl, and
// training with float16 textures. Skipped, with the reason printed, where Chromium is absent.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, chromiumUnavailableReason, openBrowserSession, type BrowserSession } from '@mgp/browser-harness';
import { expectClose } from '@mgp/test-utils';
import { memoryDrift, type LongRunReport } from '../long-run/loop';
import { D } from '../support/models';

const reason = chromiumUnavailableReason();
if (reason) console.warn(`[@mgp/reliability] browser tests skipped: ${reason}`);

const WEBGL_STEPS = Number(process.env.MGP_WEBGL_STEPS ?? 300);
const F16_STEPS = 60;

describe.skipIf(reason !== null)('in headless Chromium', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    const site = await buildPage({ entry: fileURLToPath(new URL('./reliability.page.ts', import.meta.url)) });
    cpSync(fileURLToPath(new URL('../../fixtures/', import.meta.url)), `${site}/fixtures`, { recursive: true });
    session = await openBrowserSession({ entry: '', site });
  }, 420_000);

  afterAll(async () => {
    await session?.close();
  });

  it('the page holds every @mgp layer class registered with tfjs', async () => {
    const result = await session.call('registered');
    expect(result.error).toBeUndefined();
    expect((result.value as Array<[string, boolean]>).filter(([, ok]) => !ok)).toEqual([]);
  });

  it('IndexedDB: LearntPrototypes models (every metric, fixed, regularized) come back identical; fixed prototypes stay fixed in training', async () => {
    const result = await session.call('indexedDb', 'webgl');
    expect(result.error).toBeUndefined();
    const report = result.value as Record<string, Record<string, unknown>>;
    expect(report.backend).toBe('webgl');
    const entries = Object.entries(report).filter(([k]) => k !== 'backend' && k !== 'leftInIndexedDb');
    expect(entries.length).toBe(7);
    for (const [name, entry] of entries) {
      expect(entry.sameOutputs, name).toBe(true);
      expect(entry.sameOutputsViaLoadMgpModel, name).toBe(true);
    }
    expect(report.regularized.regularizer).toEqual({ D, weight: 0.3 });
    expect(report.fixed.trainable).toBe(false);
    expect(report.fixed.prototypesAfterTraining).toEqual(report.fixed.prototypesBefore);
    expect(report.leftInIndexedDb).toEqual([]);
  });

  it('the stored 0.1.0 fixture loads over HTTP with loadMgpModel on webgl, with its expected outputs', async () => {
    const result = await session.call('fixture', 'webgl');
    expect(result.error).toBeUndefined();
    const { got, expected } = result.value as { got: number[][][]; expected: number[][][] };
    got.forEach((out, i) => expectClose(out, expected[i], { rtol: 1e-3, atol: 1e-4 }));
  });

  it(`webgl: ${WEBGL_STEPS} trainOnBatch steps of the three-head model, memory flat (tensors, bytes, GPU bytes), losses finite`, async () => {
    const result = await session.call('longRun', { backend: 'webgl', steps: WEBGL_STEPS, every: WEBGL_STEPS / 10 });
    expect(result.error).toBeUndefined();
    const report = result.value as LongRunReport;
    console.info(`webgl long run: ${report.steps} steps in ${Math.round(result.ms)} ms; ${report.checkpoints[0].numTensors} tensors, ${report.checkpoints[0].numBytesInGPU} GPU bytes; loss ${report.losses[0].toFixed(4)} → ${report.losses.at(-1)?.toFixed(4)}`);
    expect(report.checkpoints.length).toBe(11);
    expect(memoryDrift(report)).toEqual([]);
    expect(report.nonFinite).toBeNull();
  });

  interface Float16Report {
    f16: boolean;
    negativeInfinityReadsBack: number | null;
    run: LongRunReport;
    builtinRun: LongRunReport;
    edges: Record<string, boolean>;
    withKernels: Record<string, boolean>;
    builtin: Record<string, boolean>;
  }
  let float16: Promise<Float16Report> | null = null;
  const float16Report = () =>
    (float16 ??= session.call('float16', { steps: F16_STEPS, builtinSteps: 5 }, 300_000).then((r) => {
      if (r.error) throw new Error(r.error);
      const report = r.value as Float16Report;
      console.info(`float16 webgl: -Infinity reads back as ${report.negativeInfinityReadsBack}; with kernels ${JSON.stringify(report.withKernels)}; built-in ${JSON.stringify(report.builtin)}`);
      return report;
    }));
  const broken = (record: Record<string, boolean>) => Object.entries(record).filter(([, ok]) => !ok).map(([k]) => k);

  it(`webgl with float16 textures and @mgp/scatter's kernels: every component finite; ${F16_STEPS} training steps with finite losses and flat memory`, async () => {
    const report = await float16Report();
    expect(report.f16).toBe(true);
    expect(broken(report.withKernels), 'components with NaN or Infinity').toEqual([]);
    expect(report.run.nonFinite).toBeNull();
    expect(memoryDrift(report.run)).toEqual([]);
    expect(broken(report.edges), 'prototype logits at x = p').toEqual([]);
  });

  it('webgl with float16 textures on the built-in segment path: uneven segments stay finite, so hierarchical softmax trains', async () => {
    // packages/metrics/src/segment/builtin/reduce.ts pads uneven segments for a max with the row minimum, never
    // -Infinity, which tfjs's float16 textures turn into NaN (it reads back as null). Devices without float32
    // render targets (WEBGL_RENDER_FLOAT32_ENABLED false: many phones) run this path unless @mgp/scatter is imported.
    const report = await float16Report();
    expect(broken(report.builtin), 'components with NaN or Infinity').toEqual([]);
    expect(report.builtinRun.nonFinite).toBeNull();
  });

  it('the page raised no uncaught errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
