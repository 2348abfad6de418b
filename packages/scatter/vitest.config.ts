import { packageTests } from '@mgp/build-config/vitest';

// The Chromium tests compile one WebGL program per shape on SwiftShader (software GL): minutes on a busy 2-core CI
// machine, so they get a generous per-test limit; the unit tests finish in seconds anyway.
export default packageTests({ testTimeout: 300_000 });
