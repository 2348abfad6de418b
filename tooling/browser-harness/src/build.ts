// Builds a page module (TypeScript allowed) into a static folder with Vite: main.js, index.html, and the tfjs
// wasm binaries under wasm/. Sibling @mgp packages resolve through the `source` export condition, like tests.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build, defaultClientConditions } from 'vite';

export interface BuildPageOptions {
  /** The page module: it imports what it tests and calls `exposeTests` from '@mgp/browser-harness/page'. */
  entry: string;
  /** Output folder (emptied); default a fresh folder under the OS temp dir. */
  outDir?: string;
  /** Minify the bundle (default false: faster builds, readable stacks). */
  minify?: boolean;
  /** Vite resolve.alias entries, e.g. to point a package at a local build. */
  alias?: Record<string, string>;
}

const require = createRequire(import.meta.url);

/** The folder holding tfjs-backend-wasm's .wasm files (the same version the page bundles: 4.22.0 everywhere). */
export function tfjsWasmDir(): string {
  return dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
}

export async function buildPage({ entry, outDir, minify = false, alias }: BuildPageOptions): Promise<string> {
  const input = resolve(entry);
  if (!existsSync(input)) throw new Error(`browser harness: page entry ${input} does not exist`);
  const out = outDir ? resolve(outDir) : join(tmpdir(), `mgp-browser-${process.pid}-${Date.now()}`);
  await build({
    configFile: false,
    root: dirname(input),
    logLevel: 'warn',
    cacheDir: join(out, '.vite-cache'),
    resolve: { conditions: ['source', ...defaultClientConditions], alias },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(out, 'site'),
      emptyOutDir: true,
      target: 'es2022',
      minify,
      sourcemap: false,
      modulePreload: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { input: { main: input }, output: { entryFileNames: '[name].js' } },
    },
  });
  const site = join(out, 'site');
  writeFileSync(join(site, 'index.html'), '<!doctype html>\n<meta charset="utf-8">\n<title>@mgp browser harness</title>\n<link rel="icon" href="data:,">\n<script type="module" src="./main.js"></script>\n');
  const wasmOut = join(site, 'wasm');
  mkdirSync(wasmOut, { recursive: true });
  const wasmDir = tfjsWasmDir();
  for (const file of readdirSync(wasmDir)) if (file.endsWith('.wasm')) copyFileSync(join(wasmDir, file), join(wasmOut, file));
  return site;
}
