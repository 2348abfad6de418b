import { packageTests } from '@mgp/build-config/vitest';
export default packageTests({ include: ['scratch/browser-fake.test.ts'], testTimeout: 600_000 });
