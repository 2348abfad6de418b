import { defineConfig } from 'tsup';

// The CLI is one Node ESM executable. tfjs and the @mgp packages stay external: a second bundled copy of
// tfjs would split its kernel and gradient registries. esbuild keeps the `#!` line of src/bin.ts.
export default defineConfig({
  // The worker thread script is a second entry, dist/worker.js, next to dist/bin.js.
  entry: { bin: 'src/bin.ts', worker: 'src/train/worker-entry.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  dts: false,
  splitting: false,
  external: [/^@tensorflow\//, /^@mgp\//, /^@resvg\//, 'vega', 'vega-lite', 'mnist', 'commander', 'cli-progress'],
});
