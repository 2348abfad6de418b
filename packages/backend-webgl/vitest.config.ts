import { packageTests } from '@mgp/build-config/vitest';

export default packageTests();
