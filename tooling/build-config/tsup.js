// One build recipe for every @mgp package: ESM + CJS, each with its own types file.
import { defineConfig } from 'tsup';

/** @param {{entry?: string[] | Record<string,string>, platform?: 'node' | 'neutral'}} [options] */
export function packageBuild(options = {}) {
  return defineConfig({
    entry: options.entry ?? ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: options.platform ?? 'neutral',
    // Peers and sibling packages stay external: two bundled copies of tfjs would split its registries.
    external: [/^@tensorflow\//, /^@mgp\//],
    splitting: false,
    treeshake: true,
  });
}
