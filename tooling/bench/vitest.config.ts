import { packageTests } from '@mgp/build-config/vitest';

// The smoke test starts workers and a tfjs backend: give it room.
export default packageTests({ testTimeout: 180_000 });
