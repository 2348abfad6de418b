import { packageTests } from '@mgp/build-config/vitest';
export default packageTests({ include: ['scratch-f16/*.test.ts'], testTimeout: 600_000 });
