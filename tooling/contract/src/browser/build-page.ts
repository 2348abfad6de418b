// Builds the contract's page for Chromium. Like @mgp/browser-harness's buildPage, plus one setting the harness
// does not expose: a name a sibling package does not export (yet) becomes `undefined` instead of failing the
// whole bundle, so each contract check fails on its own, with the missing name in its message.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { tfjsWasmDir } from '@mgp/browser-harness';
import { build, defaultClientConditions } from 'vite';

/** Builds into a fresh folder under the OS temp dir; returns its 'site' subfolder, ready for openBrowserSession. */
export async function buildContractPage(entry: string): Promise<string> {
  const out = join(tmpdir(), `mgp-contract-${process.pid}-${Date.now()}`);
  const site = join(out, 'site');
  await build({
    configFile: false,
    root: dirname(entry),
    logLevel: 'error',
    cacheDir: join(out, '.vite-cache'),
    resolve: { conditions: ['source', ...defaultClientConditions] },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: site,
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { input: { main: entry }, shimMissingExports: true, output: { entryFileNames: '[name].js' } },
    },
  });
  writeFileSync(join(site, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>@mgp contract</title>\n<script type="module" src="./main.js"></script>\n');
  const wasmOut = join(site, 'wasm');
  mkdirSync(wasmOut, { recursive: true });
  const wasmDir = tfjsWasmDir();
  for (const file of readdirSync(wasmDir)) if (file.endsWith('.wasm')) copyFileSync(join(wasmDir, file), join(wasmOut, file));
  return site;
}

/** Removes what buildContractPage wrote (the parent of `site`). */
export function removeContractPage(site: string): void {
  rmSync(dirname(site), { recursive: true, force: true });
}
