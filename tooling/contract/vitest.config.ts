import { packageTests } from '@mgp/build-config/vitest';

// One file per place the suite runs (Node backends, Chromium); each prints its part of the summary.
export default packageTests({ testTimeout: 600_000, hookTimeout: 600_000, fileParallelism: false });
