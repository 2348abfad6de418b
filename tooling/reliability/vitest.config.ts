import { packageTests } from '@mgp/build-config/vitest';

// Long runs and Chromium sessions run one file at a time on this 2-core machine. Each test takes about a minute
// alone; the limit leaves room for a CI machine busy with the other packages' suites.
export default packageTests({ testTimeout: 300_000, hookTimeout: 300_000, fileParallelism: false });
