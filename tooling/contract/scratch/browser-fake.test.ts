import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tfjsWasmDir } from '@mgp/browser-harness';
import { build, defaultClientConditions } from 'vite';
import { afterAll } from 'vitest';
import { describeTarget } from '../src/runner/describe-target';
import { ContractSummary } from '../src/summary';
import { CHROMIUM_TARGETS, selectedTargets } from '../src/targets';
import * as drv from '../src/browser/driver';

const out = '/tmp/mgp-contract-fake';
const site = join(out, 'site');
const entry = new URL('../src/browser/page.ts', import.meta.url).pathname;
await build({
  configFile: false, root: new URL('../src/browser', import.meta.url).pathname, logLevel: 'error', cacheDir: join(out, '.vc'),
  resolve: { conditions: ['source', ...defaultClientConditions], alias: { '@mgp/core': new URL('./core-browser.ts', import.meta.url).pathname } },
  build: { outDir: site, emptyOutDir: true, target: 'es2022', minify: false, rolldownOptions: { input: { main: entry }, shimMissingExports: true, output: { entryFileNames: '[name].js' } } },
});
writeFileSync(join(site, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
mkdirSync(join(site, 'wasm'), { recursive: true });
for (const f of readdirSync(tfjsWasmDir())) if (f.endsWith('.wasm')) copyFileSync(join(tfjsWasmDir(), f), join(site, 'wasm', f));
process.env.MGP_CONTRACT_SITE = site;
const summary = new ContractSummary();
for (const t of selectedTargets(CHROMIUM_TARGETS)) describeTarget(t, () => drv.chromiumDriver(t), summary, null);
afterAll(() => console.log(summary.format()));
