// The contract's page in headless Chromium: 'setup' activates a backend through its @mgp adapter (one backend
// per page load, since float16 must be chosen before the webgl backend starts), 'check' runs one contract check.
import * as tf from '@tensorflow/tfjs';
import { exposeTests, wasmBaseUrl } from '@mgp/browser-harness/page';
import { useBackend as useWasm } from '@mgp/backend-wasm';
import { useBackend as useWebGL } from '@mgp/backend-webgl';
import { checkNamed } from '../checks';
import { browserGoldens } from './goldens';

export interface SetupArgs {
  backend: 'webgl' | 'wasm';
  forceFloat16?: boolean;
}

exposeTests({
  async setup(args) {
    const { backend, forceFloat16 } = args as SetupArgs;
    // As an app would: importing @mgp/scatter registers its Mgp* kernels (a shader for webgl), which the adapters
    // report and @mgp's segment reductions then use. (In Node the contract runs without it: the built-in path.)
    // Imported here rather than at the top so that a broken @mgp/scatter fails the kernel check, not the page.
    const scatter = await import('@mgp/scatter').then(
      () => 'imported',
      (error: unknown) => `failed to import: ${String(error)}`,
    );
    // The harness serves tfjs's .wasm files next to the page; passing their folder keeps this page independent
    // of whether @mgp/backend-wasm's own build (which bundles them) has run.
    const info = backend === 'webgl' ? await useWebGL({ forceFloat16: forceFloat16 === true }) : await useWasm({ wasmPaths: wasmBaseUrl() });
    return { info, epsilon: tf.backend().epsilon(), scatter };
  },
  check(args) {
    return checkNamed((args as { name: string }).name).run(tf, { goldens: browserGoldens });
  },
});
