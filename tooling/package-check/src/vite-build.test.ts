// Every browser-capable package bundles with Vite for the browser (no Node built-ins leak into the bundle).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from './packages';

const here = fileURLToPath(new URL('..', import.meta.url));

describe('Vite browser build', () => {
  it('bundles every browser package with @tensorflow/tfjs', async () => {
    const browserPackages = publishedPackages().filter((p) => p.browser);
    // The entry lives inside this package so its imports resolve from here; outDir is a temp folder.
    const entryDir = join(here, '.vite-entry');
    mkdirSync(entryDir, { recursive: true });
    const imports = browserPackages.map((p, i) => `import * as m${i} from '${p.name}';`).join('\n');
    const use = browserPackages.map((p, i) => `'${p.name}': Object.keys(m${i}).length`).join(', ');
    writeFileSync(
      join(entryDir, 'index.html'),
      `<!doctype html><script type="module">\nimport '@tensorflow/tfjs';\n${imports}\nwindow.mgpExports = {${use}};\n</script>`,
    );
    const outDir = mkdtempSync(join(tmpdir(), 'mgp-vite-'));
    await build({
      root: entryDir,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, minify: false },
    });
    const assets = readdirSync(join(outDir, 'assets'));
    const js = assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(outDir, 'assets', f), 'utf8')).join('\n');
    expect(js.length).toBeGreaterThan(100_000);
    for (const p of browserPackages) expect(js, `${p.name} in the bundle`).toContain(p.name);
    expect(js).not.toMatch(/from\s*["']node:/);
  });
});
