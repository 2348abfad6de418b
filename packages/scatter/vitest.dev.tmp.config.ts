import { packageTests } from '@mgp/build-config/vitest';
const c = packageTests();
(c as any).resolve.alias = { '@mgp/metrics': '/tmp/mgpdev/metrics-shim.ts' };
export default c;
