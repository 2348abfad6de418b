// Builds the page with its own Vite config and serves the static build on 127.0.0.1 (vite preview, random port).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build, preview } from 'vite';

export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(APP_ROOT, 'vite.config.ts');

export async function buildSite(outDir: string): Promise<void> {
  await build({ root: APP_ROOT, configFile: CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true } });
}

export interface Site {
  url: string;
  close(): Promise<void>;
}

export async function serveSite(outDir: string): Promise<Site> {
  const server = await preview({
    root: APP_ROOT,
    configFile: CONFIG,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { url, close: () => server.close() };
}
