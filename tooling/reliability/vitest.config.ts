import { packageTests } from '@mgp/build-config/vitest';

// Long runs and Chromium sessions run one file at a time on this 2-core machine; each test keeps under ~60 s.
export default packageTests({ testTimeout: 120_000, hookTimeout: 240_000, fileParallelism: false });
