// Shared vitest settings: tests import sibling packages from source (the "source" export condition),
// so a test run never depends on a stale dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** @param {import('vitest/config').UserConfig['test']} [test] */
export function packageTests(test = {}) {
  return defineConfig({
    resolve: { conditions: ['source', 'import', 'module', 'default'] },
    ssr: { resolve: { conditions: ['source', 'import', 'module', 'default'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      pool: 'forks',
      setupFiles: [fileURLToPath(new URL('./vitest-setup.js', import.meta.url))],
      ...test,
    },
  });
}
