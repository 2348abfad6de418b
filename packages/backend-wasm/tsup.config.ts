import { packageBuild } from '@mgp/build-config/tsup';

export default {
  ...packageBuild(),
  // import.meta.url (used to find the .wasm binaries) also works in the CJS build.
  shims: true,
  // The .wasm binaries next to the build, for bundlers (see src/locate-wasm.ts).
  onSuccess: 'node scripts/copy-wasm.mjs',
};
