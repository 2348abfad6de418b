import { packageTests } from '@mgp/build-config/vitest';

// Training tests are slow on the cpu backend; give them room.
export default packageTests({ testTimeout: 300_000 });
