import { defineConfig } from 'vitest/config';

// Unit tests (src/**/*.test.ts) run in Node on tfjs's cpu backend; the end-to-end tests (test/*.test.ts) build the
// page, serve it and drive headless Chromium. Sibling @mgp packages resolve from source, as in the packages' tests.
export default defineConfig({
  resolve: { conditions: ['source', 'import', 'module', 'default'] },
  ssr: { resolve: { conditions: ['source', 'import', 'module', 'default'] } },
  test: {
    include: ['src/**/*.test.ts', 'build/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
