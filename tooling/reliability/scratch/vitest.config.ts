import { packageTests } from '@mgp/build-config/vitest';
export default packageTests({ include: ['scratch/**/*.test.ts'], testTimeout: 600_000 });
