// useBackend(): load tfjs-backend-wasm, point it at its .wasm files, add the missing training kernels, start it.
import * as tf from '@tensorflow/tfjs-core';
import {
  type BackendInfo,
  BackendUnavailableError,
  activateBackend,
  assertGradientsRegistered,
  kernelsWithPrefix,
} from '@mgp/backend-spec';
import { type WasmLocation, locateWasmFiles, runsInNode } from './locate-wasm';
import { type WasmBackendOptions, checkOptions } from './options';
import { registerMissingWasmKernels, replaceSlowWasmKernels } from './register';
import { PEER, type WasmPeerModule, loadWasmPeer } from './peer';

/** Sets what must be set before the wasm backend's first start: binaries, SIMD, threads. */
async function configureBeforeStart(peer: WasmPeerModule, options: WasmBackendOptions): Promise<string> {
  if (options.simd === false) tf.env().set('WASM_HAS_SIMD_SUPPORT', false);
  if (options.simd === true && !(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'))) {
    throw new BackendUnavailableError('wasm', 'options.simd is true but this runtime has no WebAssembly SIMD', 'Drop the option to run the plain build.');
  }
  if (options.threads !== undefined) peer.setThreadsCount(options.threads);

  const wanted = options.wasmPaths ?? 'auto';
  if (wanted === 'keep') return 'where the app configured them with setWasmPaths';
  let location: WasmLocation;
  if (wanted === 'auto') {
    try {
      location = locateWasmFiles();
    } catch (cause) {
      throw new BackendUnavailableError(
        'wasm',
        `could not find the .wasm binaries (${(cause as Error).message})`,
        `Reinstall ${PEER}, or pass { wasmPaths } to useBackend().`,
        { cause },
      );
    }
  } else {
    location = { paths: wanted, how: `at the wasmPaths given (${JSON.stringify(wanted)})` };
  }
  peer.setWasmPaths(location.paths);
  return location.how;
}

/**
 * Makes tfjs's wasm backend active for @mgp: finds its .wasm binaries by itself (Node and bundled pages), runs the
 * SIMD build where the runtime has SIMD and the threaded one where the page is cross-origin isolated, and registers
 * the training kernels tfjs-backend-wasm 4.22 lacks (conv filter and depthwise gradients, UnsortedSegmentSum), and
 * replaces two slow ones (conv input gradient on XNNPACK, max-pool gradient; `replaceSlowKernels: false` keeps tfjs's).
 * Options that act on start-up (wasmPaths, simd, threads) apply only if the wasm backend has not started yet.
 */
export async function useBackend(options?: WasmBackendOptions): Promise<BackendInfo> {
  const opts = checkOptions(options);
  if (opts.requireGradients !== false) assertGradientsRegistered('wasm');
  const peer = await loadWasmPeer();
  const extraKernels = registerMissingWasmKernels();
  const notes: string[] = [];
  const replaced = opts.replaceSlowKernels === false ? [] : replaceSlowWasmKernels();
  if (replaced.length > 0) notes.push(`${replaced.join(', ')}: tfjs's slow kernels replaced by faster ones of @mgp/backend-wasm`);

  let where = 'where tfjs looked for them';
  if (tf.findBackend('wasm') === null) {
    where = await configureBeforeStart(peer, opts);
  } else if (opts.wasmPaths !== undefined || opts.simd !== undefined || opts.threads !== undefined) {
    notes.push('the wasm backend had already started, so wasmPaths / simd / threads were not applied');
  }
  await activateBackend(
    'wasm',
    `The .wasm binaries were ${where}; check that they are served there (a 404 or a wrong MIME type stops the start), ` +
      'or pass { wasmPaths } to useBackend().',
  );

  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threaded = simd && Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'));
  if (!threaded) {
    notes.push(
      runsInNode()
        ? 'tfjs runs the wasm backend single-threaded in Node'
        : 'single-threaded: the page is not cross-origin isolated (COOP/COEP headers) or has no SharedArrayBuffer',
    );
  }
  return {
    name: tf.getBackend(),
    tfjsVersion: tf.version_core,
    backendVersion: peer.version_wasm,
    simd,
    threads: threaded ? Math.max(1, peer.getThreadsCount()) : 1,
    floatPrecision: 32,
    extraKernels: [...extraKernels, ...replaced, ...kernelsWithPrefix('wasm', 'Mgp')],
    notes,
  };
}
