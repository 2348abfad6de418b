// The same checks in headless Chromium: the WebGL shader kernel on 'webgl' (SwiftShader) and the typed-array
// kernel on 'wasm', each against the built-in path and the float64 reference. Skipped, with the reason printed,
// where Chromium is absent.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumUnavailableReason, openBrowserSession, type BrowserSession } from '@mgp/browser-harness';

const reason = chromiumUnavailableReason();
if (reason) console.warn(`[@mgp/scatter] browser tests skipped: ${reason}`);

const BACKENDS = ['webgl', 'wasm'] as const;

function failures(rows: unknown): unknown[] {
  return (rows as Array<Record<string, unknown>>).filter((row) =>
    Object.entries(row).some(([key, value]) => key !== 'case' && key !== 'op' && value !== 'equal' && value !== true),
  );
}

describe.skipIf(reason !== null)('in headless Chromium', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession({ entry: fileURLToPath(new URL('./testing/browser.page.ts', import.meta.url)) });
  }, 420_000);

  afterAll(async () => {
    await session?.close();
  });

  it.each(BACKENDS)('%s starts, with the Mgp kernels registered', async (backend) => {
    const result = await session.call('environment', backend);
    expect(result.error).toBeUndefined();
    console.info(`[@mgp/scatter] ${backend} in ${session.userAgent}: ${JSON.stringify(result.value)}`);
    expect(result.value).toMatchObject({ backend, kernelRegistered: true });
    if (backend === 'webgl') expect(result.value).toMatchObject({ webglVersion: 2 });
  });

  it.each(BACKENDS)('%s: kernel = built-in path = float64 reference (1e-5), and the facade picks the kernel', async (backend) => {
    const result = await session.call('forward', backend);
    expect(result.error).toBeUndefined();
    expect((result.value as unknown[]).length).toBe(50);
    expect(failures(result.value)).toEqual([]);
  });

  it.each(BACKENDS)('%s: gradients, kernel = built-in (1e-5) = finite differences (1e-3)', async (backend) => {
    const result = await session.call('gradients', backend);
    expect(result.error).toBeUndefined();
    expect((result.value as unknown[]).length).toBeGreaterThan(20);
    expect(failures(result.value)).toEqual([]);
  });

  it.each(BACKENDS)('%s: no tensors leak', async (backend) => {
    const result = await session.call('leaks', backend);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ leaked: 0 });
  });

  it.each(BACKENDS)('%s: property (fast-check, 40 runs): kernel = built-in path', async (backend) => {
    const result = await session.call('property', backend);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ failed: false, numRuns: 40, counterexample: null });
  });

  it('webgl as WebGL1 (constant-bound shader loops): kernel = built-in = reference', async () => {
    const result = await session.call('webgl1Forward');
    expect(result.error).toBeUndefined();
    expect((result.value as unknown[]).length).toBe(26);
    expect(failures(result.value)).toEqual([]);
  });

  it('the page raised no uncaught errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
