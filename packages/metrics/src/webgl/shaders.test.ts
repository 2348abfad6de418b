// The shader paths of the exact distortion and rank losses, in headless Chromium on tfjs-webgl (SwiftShader): against
// the chains of tfjs kernels they replace and float64 references, for every metric; and the WebAssembly kernels there,
// the SIMD product on its relaxed-SIMD kernel among them. Skipped, with the reason printed, where Chromium is absent.
import { fileURLToPath } from 'node:url';
import { chromiumUnavailableReason, openBrowserSession, type BrowserSession } from '@mgp/browser-harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const reason = chromiumUnavailableReason();
if (reason) console.warn(`[@mgp/metrics] webgl tests skipped: ${reason}`);

describe.skipIf(reason !== null)('exact losses on webgl shaders (headless Chromium)', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowserSession({ entry: fileURLToPath(new URL('../testing/browser.page.ts', import.meta.url)) });
  }, 420_000);

  afterAll(async () => {
    await session?.close();
  });

  it('runs the shader passes there', async () => {
    const result = await session.call('environment');
    expect(result.error).toBeUndefined();
    expect(result.value).toMatchObject({ backend: 'webgl', shaders: true, float32: true });
  });

  type Row = { valueError: number; gradientError: number; finite: boolean };

  /** Every row of a page call: finite gradients, the float64 value, and the tfjs-kernel chain's gradient. */
  async function expectAccurateRows(call: string, count: number, rowsOf = (value: unknown) => value as Row[]): Promise<void> {
    const result = await session.call(call);
    // A shader that fails to compile logs its source and error in the page.
    if (result.error) console.log(session.console.join('\n').slice(-6000));
    expect(result.error).toBeUndefined();
    const rows = rowsOf(result.value);
    expect(rows).toHaveLength(count);
    for (const row of rows) {
      expect(row.finite, JSON.stringify(row)).toBe(true);
      expect(row.valueError, JSON.stringify(row)).toBeLessThan(1e-4);
      expect(row.gradientError, JSON.stringify(row)).toBeLessThan(1e-3);
    }
  }

  it('gives the float64 value and the chain\'s gradient, for every metric, scale-free or not, odd and even K', async () => {
    await expectAccurateRows('distortion', 12);
  });

  it('rankLoss\'s shader path gives the float64 value and the chain\'s gradient, for every metric, odd and even K', async () => {
    await expectAccurateRows('rank', 6);
  });

  it('rankLoss drawing its own triplets for the shader path gives what the same triplets drawn apart give', async () => {
    const result = await session.call('drawnRank');
    expect(result.error).toBeUndefined();
    const { value, expected, gradientError } = result.value as { value: number; expected: number; gradientError: number };
    expect(value).toBe(expected);
    expect(gradientError).toBe(0);
  });

  it('compiles both kernel modules on the page\'s main thread (under 4 KB each), where rankLoss\'s K² path runs them', async () => {
    await expectAccurateRows('hostKernels', 3, (value) => {
      expect(value).toMatchObject({ pairKernels: true, rankKernels: true });
      return (value as { rows: Row[] }).rows;
    });
  });

  it('multiplies on the relaxed-SIMD kernel there, as the float64 product', async () => {
    const result = await session.call('hostProduct');
    expect(result.error).toBeUndefined();
    const { relaxed, rows } = result.value as { relaxed: boolean; rows: { worst: number }[] };
    expect(relaxed).toBe(true);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.worst, JSON.stringify(row)).toBeLessThan(1e-5);
  });

  it('leaves no tensors behind (distortion and rank losses, every metric)', async () => {
    const result = await session.call('leaks');
    expect(result.error).toBeUndefined();
    const { before, after } = result.value as { before: number; after: number };
    expect(after).toBe(before);
  });
}, 600_000);
