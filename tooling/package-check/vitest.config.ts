import { defineConfig } from 'vitest/config';

// No "source" condition here: this suite checks the built dist/ files exactly as users get them.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 180_000 } });
