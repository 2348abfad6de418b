// useBackend(): load tfjs-backend-webgl, check WebGL2, settle float precision, add @mgp/scatter's kernels, start it.
import * as tf from '@tensorflow/tfjs-core';
import { type BackendInfo, activateBackend, assertGradientsRegistered, kernelsWithPrefix } from '@mgp/backend-spec';
import { float16Notes } from './float16';
import { loadWebGLPeer } from './load-peer';
import { type WebGLBackendOptions, checkOptions } from './options';
import { floatPrecisionFromFlags, forceFloat16Textures, settleEpsilon } from './precision';
import { loadScatterKernels, scatterNote, type ScatterStatus } from './scatter';
import { webglStarted } from './started';
import { assertWebGL2 } from './webgl2';

const START_REMEDY = 'Check chrome://gpu (WebGL2 must be hardware accelerated or SwiftShader-enabled), or use @mgp/backend-wasm.';

/**
 * Makes tfjs's WebGL backend active for @mgp: needs WebGL2; registers @mgp/scatter's WebGL kernels when that
 * optional package is installed; on float16-only devices (or with `forceFloat16`) makes tf.backend().epsilon()
 * 1e-4 so that floors do not round to 0, and says so in `notes`. Reports `floatPrecision` 32 or 16.
 */
export async function useBackend(options?: WebGLBackendOptions): Promise<BackendInfo> {
  const opts = checkOptions(options);
  if (opts.requireGradients !== false) assertGradientsRegistered('webgl');
  const peer = await loadWebGLPeer();
  assertWebGL2();

  const notes: string[] = [];
  if (opts.forceFloat16) {
    if (!webglStarted()) forceFloat16Textures();
    else if (floatPrecisionFromFlags() === 32) {
      notes.push('forceFloat16 was not applied: the webgl backend had already started with float32 textures');
    }
  }
  const scatter: ScatterStatus = await loadScatterKernels(opts.scatter === undefined || opts.scatter === true ? 'auto' : opts.scatter);

  await activateBackend('webgl', START_REMEDY);
  const precision = floatPrecisionFromFlags();
  const backend = tf.backend();
  notes.push(...settleEpsilon(backend, precision));
  if (precision === 16) notes.push(...float16Notes(backend.epsilon()));

  const extraKernels = kernelsWithPrefix('webgl', 'Mgp');
  notes.push(scatterNote(scatter, extraKernels));
  return {
    name: tf.getBackend(),
    tfjsVersion: tf.version_core,
    backendVersion: peer.version_webgl,
    floatPrecision: precision,
    extraKernels,
    notes,
  };
}
