// End to end: build the page, serve it on 127.0.0.1, and use it in headless Chromium as a person would.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason, launchChromium } from './support/browser';
import { canvasInk, curvePoints, lastStep, waitForRunState } from './support/page-probes';
import { APP_ROOT, buildSite, serveSite, type Site } from './support/site';
import { blobsCsv, writeImageFolder } from './support/user-data';

const missing = chromiumMissingReason();
if (missing) console.warn(`[playground e2e] skipped: ${missing}`);

const ARTIFACTS = join(APP_ROOT, 'test-artifacts');
const SITE = join(ARTIFACTS, 'site');
const DOWNLOADS = join(ARTIFACTS, 'downloads');
/** Steps of the main run: enough for the small MLP to learn, few enough for SwiftShader on a busy machine. */
const STEPS = 300;

describe.skipIf(missing !== null)('the playground page in headless Chromium', () => {
  let site: Site;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    rmSync(DOWNLOADS, { recursive: true, force: true });
    mkdirSync(DOWNLOADS, { recursive: true });
    await buildSite(SITE);
    site = await serveSite(SITE);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1100 }, acceptDownloads: true });
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads with the bundled digits and the seed tree, on WebGL', async () => {
    await page.goto(site.url);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#train')?.disabled, undefined, { timeout: 120_000 });
    expect(await page.getAttribute('#backend-status', 'data-backend')).toBe('webgl');
    expect(await page.isHidden('#backend-notice')).toBe(true);
    expect(await page.textContent('#data-summary')).toContain('3000 training examples (300 per class), 500 held out; 10 classes');
    expect(await page.locator('#tree svg circle').count()).toBe(19); // 10 digits and 9 internal nodes
    expect((await canvasInk(page, 'heatmap')).inked).toBeGreaterThan(1000);
    await shot('01-loaded');
  });

  it('shows the error of a bad hierarchy file next to its input, and refuses to train until D is fixed', async () => {
    const bad = join(ARTIFACTS, 'bad-hierarchy.json');
    writeFileSync(bad, JSON.stringify({ tree: { root: [{ curvy: [] }, '1'] }, leaves: ['1'] }));
    await page.selectOption('#cost-choice', 'user');
    await page.setInputFiles('#hierarchy-file', bad);
    await page.waitForSelector('#cost-error:not([hidden])');
    const message = await page.textContent('#cost-error');
    expect(message).toContain('MgpInputError');
    expect(message).toContain("must give 'curvy' at least one child");
    expect(await page.isDisabled('#train')).toBe(true);
    await shot('02-bad-hierarchy');
    // A tree that misses digits is refused too, naming what is missing.
    await page.fill('#hierarchy-text', JSON.stringify({ root: [{ round: ['0', '6'] }, '1'] }));
    await page.click('#hierarchy-apply');
    await page.waitForFunction(() => document.querySelector('#cost-error')?.textContent?.includes("'2'"));
    await page.selectOption('#cost-choice', 'visual');
    await page.waitForSelector('#cost-error', { state: 'hidden' });
    expect(await page.isEnabled('#train')).toBe(true);
  });

  let tensorsAfterRun = -1;

  it(`trains metric-guided prototypes for ${STEPS} steps: error rate and average cost fall, the views are drawn`, async () => {
    await page.selectOption('#method', 'guided');
    await page.check('input[name="guidance"][value="distortion"]');
    await page.selectOption('#backbone', 'mlp');
    await page.fill('#steps', String(STEPS));
    await page.fill('#eval-every', '25');
    await page.click('#train');
    // While it trains, the page still handles input between steps.
    await page.waitForFunction(() => Number(JSON.parse(document.querySelector('#error-curve')?.getAttribute('data-points') ?? '[]').at(-1)?.[0] ?? 0) >= 50, undefined, { timeout: 180_000 });
    await page.$eval('#lambda', (input) => {
      (input as HTMLInputElement).value = '1.5';
      input.dispatchEvent(new Event('input'));
    });
    expect(await page.textContent('#lambda-value')).toBe('1.50');
    expect(await page.getAttribute('#train-status', 'data-state')).toBe('running');
    await shot('03-training');

    expect(await waitForRunState(page, ['done', 'failed', 'stopped'], 360_000)).toBe('done');
    expect(await page.isHidden('#train-error')).toBe(true);
    const errors = await curvePoints(page, 'error-curve');
    const costs = await curvePoints(page, 'cost-curve');
    expect(errors.map(([step]) => step)).toEqual([0, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275, 300]);
    const [[, errorStart], [, errorEnd]] = [errors[0], errors.at(-1) as [number, number]];
    const [[, costStart], [, costEnd]] = [costs[0], costs.at(-1) as [number, number]];
    console.log(`[playground e2e] held-out error ${errorStart} → ${errorEnd}, average cost ${costStart} → ${costEnd}`);
    expect(errorEnd).toBeLessThan(errorStart - 0.3);
    expect(errorEnd).toBeLessThan(0.4);
    expect(costEnd).toBeLessThan(costStart / 2);
    const embedding = await canvasInk(page, 'embedding');
    expect(embedding.inked).toBeGreaterThan(2000);
    expect(embedding.colors).toBeGreaterThanOrEqual(10);
    expect((await canvasInk(page, 'confusion')).inked).toBeGreaterThan(2000);
    expect(await page.textContent('#train-status')).toMatch(/^Done after 300 steps: error [\d.]+ %, average cost [\d.]+ on 500 held-out examples\.$/);
    tensorsAfterRun = Number(await page.getAttribute('#train-status', 'data-tensors'));
    expect(tensorsAfterRun).toBeGreaterThan(0);
    await shot('04-trained');
  }, 420_000);

  async function downloadsOf(click: string, count: number): Promise<string[]> {
    const downloads: Download[] = [];
    const listener = (d: Download) => downloads.push(d);
    page.on('download', listener);
    await page.click(click);
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(count);
    page.off('download', listener);
    const paths: string[] = [];
    for (const download of downloads) {
      const path = join(DOWNLOADS, download.suggestedFilename());
      await download.saveAs(path);
      paths.push(path);
    }
    return paths;
  }

  it('downloads the model (model.json + weights) and reloads it with the same predictions', async () => {
    const files = await downloadsOf('#download-model', 2);
    expect(files.map((f) => f.split('/').at(-1)).sort()).toEqual(['mgp-playground-guided-distortion.json', 'mgp-playground-guided-distortion.weights.bin']);
    const modelJson = JSON.parse(readFileSync(files.find((f) => f.endsWith('.json')) as string, 'utf8'));
    // The head is @mgp/core's layer with core's regularizer (loads wherever @mgp/core is imported), and the saved
    // regularizer carries the λ the slider set during the run.
    const head = modelJson.modelTopology.config.layers.find((layer: { name: string }) => layer.name === 'prototypes');
    expect(head.class_name).toBe('LearntPrototypes');
    expect(head.config.prototypes_regularizer.class_name).toBe('MetricGuidedRegularizer');
    expect(head.config.prototypes_regularizer.config).toMatchObject({ kind: 'distortion', weight: 1.5 });
    expect(JSON.stringify(modelJson.modelTopology)).not.toContain('PlaygroundPrototypeHead');
    await page.setInputFiles('#reload-files', files);
    await page.waitForSelector('#reload-result[data-same]', { timeout: 60_000 });
    expect(await page.getAttribute('#reload-result', 'data-same')).toBe('500/500');
    expect(Number(await page.getAttribute('#reload-result', 'data-max-diff'))).toBeLessThan(1e-5);
    expect(await page.textContent('#reload-result')).toMatch(/held-out error [\d.]+ %, average cost [\d.]+\. Same predictions as the trained model on 500\/500/);
    await shot('05-reloaded');
  });

  it('downloads the prototypes as JSON', async () => {
    const [file] = await downloadsOf('#download-prototypes', 1);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ format: 'mgp-playground-prototypes', method: 'guided', metric: 'euclidean', step: STEPS });
    expect(saved.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(saved.prototypes).toHaveLength(10);
    for (const p of saved.prototypes) expect(p.every((v: number) => Number.isFinite(v)) && p.length === 2).toBe(true);
  });

  it('stops a long run on request, and a second run leaves as many tensors as the first', async () => {
    await page.fill('#steps', '100000');
    await page.fill('#eval-every', '10');
    await page.click('#train');
    await page.waitForFunction(() => Number(JSON.parse(document.querySelector('#error-curve')?.getAttribute('data-points') ?? '[]').at(-1)?.[0] ?? 0) >= 20, undefined, { timeout: 120_000 });
    await page.click('#stop');
    expect(await waitForRunState(page, ['done', 'failed', 'stopped'], 60_000)).toBe('stopped');
    const step = await lastStep(page);
    expect(step).toBeGreaterThanOrEqual(20);
    expect(step).toBeLessThan(100_000);
    expect(await page.textContent('#train-status')).toContain(`Stopped after ${step} steps`);
    // The first run's model was freed when this one started; the same network holds the same number of tensors.
    expect(Number(await page.getAttribute('#train-status', 'data-tensors'))).toBe(tensorsAfterRun);
    expect(await page.isEnabled('#train')).toBe(true);
    await shot('06-stopped');
  }, 420_000);

  it("trains on the user's CSV of embeddings with the user's hierarchy", async () => {
    await page.check('input[name="data"][value="csv"]');
    await page.fill('#csv-text', blobsCsv(40));
    await page.click('#csv-apply');
    await page.waitForFunction(() => document.querySelector('#data-summary')?.textContent?.startsWith('Using pasted CSV'));
    expect(await page.textContent('#data-summary')).toContain('96 training examples (32 per class), 24 held out; 3 classes; inputs 5');
    // The digit tree does not fit these classes: the page offers |i − j| until the user gives a tree.
    expect(await page.inputValue('#cost-choice')).toBe('absolute');
    await page.selectOption('#cost-choice', 'user');
    await page.fill('#hierarchy-text', JSON.stringify({ tree: { root: [{ animal: ['cat', 'dog'] }, 'car'] }, leaves: ['cat', 'dog', 'car'] }));
    await page.click('#hierarchy-apply');
    await page.waitForSelector('#cost-error', { state: 'hidden' });
    expect(await page.locator('#tree svg circle').count()).toBe(5);
    await page.selectOption('#method', 'fixed');
    await page.fill('#steps', '60');
    await page.fill('#eval-every', '20');
    await page.click('#train');
    expect(await waitForRunState(page, ['done', 'failed', 'stopped'], 120_000)).toBe('done');
    const errors = await curvePoints(page, 'error-curve');
    expect(errors.at(-1)?.[1]).toBeLessThan(0.2);
    await shot('08-csv-user-hierarchy');
  }, 420_000);

  it("reads the user's images, one folder per class, and trains on them", async () => {
    const folder = join(ARTIFACTS, 'images');
    writeImageFolder(folder, 15);
    await page.check('input[name="data"][value="images"]');
    await page.setInputFiles('#image-folder', folder);
    await page.waitForFunction(() => document.querySelector('#data-summary')?.textContent?.startsWith('Using images'), undefined, { timeout: 30_000 });
    expect(await page.textContent('#data-summary')).toContain('Using images (30 in 2 folders): 24 training examples (12 per class), 6 held out; 2 classes; inputs 28×28×1');
    expect(await page.inputValue('#cost-choice')).toBe('user');
    // The user's tree of cat, dog and car does not fit bars and rings.
    expect(await page.textContent('#cost-error')).toContain("'bars'");
    await page.selectOption('#cost-choice', 'absolute');
    await page.selectOption('#method', 'hyperspherical');
    await page.selectOption('#backbone', 'mlp');
    await page.fill('#steps', '40');
    await page.fill('#batch-size', '12');
    await page.click('#train');
    expect(await waitForRunState(page, ['done', 'failed', 'stopped'], 120_000)).toBe('done');
    expect(await page.isHidden('#train-error')).toBe(true);
    await shot('09-image-folder');
    expect(pageErrors).toEqual([]);
  }, 420_000);

  it('falls back to wasm with a visible notice where WebGL is missing, and trains there', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1100 } });
    const wasmPage = await context.newPage();
    const errors: string[] = [];
    wasmPage.on('pageerror', (error) => errors.push(error.message));
    // As a browser without WebGL: every canvas refuses WebGL contexts.
    await wasmPage.addInitScript(() => {
      for (const proto of [HTMLCanvasElement.prototype, OffscreenCanvas.prototype] as { getContext: (...a: unknown[]) => unknown }[]) {
        const original = proto.getContext;
        proto.getContext = function (this: unknown, kind: unknown, ...rest: unknown[]) {
          return typeof kind === 'string' && kind.includes('webgl') ? null : original.call(this, kind, ...rest);
        };
      }
    });
    await wasmPage.goto(site.url);
    await wasmPage.waitForFunction(() => !document.querySelector<HTMLButtonElement>('#train')?.disabled, undefined, { timeout: 120_000 });
    expect(await wasmPage.getAttribute('#backend-status', 'data-backend')).toBe('wasm');
    expect(await wasmPage.isVisible('#backend-notice')).toBe(true);
    expect(await wasmPage.textContent('#backend-notice')).toMatch(/^WebGL2 is not available here, so training runs on the wasm backend instead \(more slowly\)\. Why: .*offers no WebGL/);
    await wasmPage.selectOption('#backbone', 'mlp');
    await wasmPage.fill('#steps', '40');
    await wasmPage.click('#train');
    await wasmPage.waitForFunction(() => document.querySelector<HTMLElement>('#train-status')?.dataset.state === 'done', undefined, { timeout: 120_000 });
    expect((await canvasInk(wasmPage, 'embedding')).inked).toBeGreaterThan(1000);
    await wasmPage.screenshot({ path: join(ARTIFACTS, '07-wasm-fallback.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 420_000);
});
