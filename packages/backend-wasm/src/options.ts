// The options of useBackend(), checked before anything starts.
import { type WasmFileName, type WasmPaths, WASM_FILE_NAMES } from './locate-wasm';
import { checkPositiveInt, describe, inputError } from './errors';

export interface WasmBackendOptions {
  /**
   * Where the .wasm binaries are. Default 'auto': found by this package (Node: the installed
   * @tensorflow/tfjs-backend-wasm; browsers: the copies bundled with this package). 'keep' leaves whatever the app
   * configured with tfjs's own `setWasmPaths`. Otherwise a folder prefix ending in '/' or one URL per binary.
   */
  wasmPaths?: 'auto' | 'keep' | WasmPaths;
  /**
   * XNNPACK threads of the threaded build (cross-origin-isolated pages only). tfjs caps the pool at half the logical
   * cores (at most 8), so this can only lower it. Default: that cap.
   */
  threads?: number;
  /** false forces the plain (non-SIMD) binary; true fails unless SIMD is available. Default: SIMD when available. */
  simd?: boolean;
  /** Fail unless tfjs gradients are registered (training needs them). Default true. */
  requireGradients?: boolean;
  /**
   * Replace tfjs kernels that have a much faster equivalent (Conv2DBackpropInput, MaxPoolGrad). Default true; false
   * leaves tfjs's kernels in place (a replacement an earlier call made stays: kernels are registered process-wide).
   */
  replaceSlowKernels?: boolean;
}

const FN = 'useBackend';

export function checkOptions(options: unknown): WasmBackendOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw inputError(FN, 'options', `must be an object; got ${describe(options)}`);
  }
  const o = options as Record<string, unknown>;
  const known = ['wasmPaths', 'threads', 'simd', 'requireGradients', 'replaceSlowKernels'];
  const unknown = Object.keys(o).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw inputError(FN, 'options', `has unknown key(s) ${unknown.map((k) => `'${k}'`).join(', ')}; expected only ${known.join(', ')}`);
  }
  if (o.threads !== undefined) checkPositiveInt(FN, 'options.threads', o.threads);
  for (const flag of ['simd', 'requireGradients', 'replaceSlowKernels']) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean') {
      throw inputError(FN, `options.${flag}`, `must be true or false; got ${describe(o[flag])}`);
    }
  }
  checkWasmPaths(o.wasmPaths);
  return o as WasmBackendOptions;
}

function checkWasmPaths(paths: unknown): void {
  if (paths === undefined || paths === 'auto' || paths === 'keep') return;
  if (typeof paths === 'string') {
    if (!paths.endsWith('/') && !paths.endsWith('\\')) {
      throw inputError(FN, 'options.wasmPaths', `as a folder prefix must end with '/'; got '${paths}'`);
    }
    return;
  }
  if (paths === null || typeof paths !== 'object' || Array.isArray(paths)) {
    throw inputError(FN, 'options.wasmPaths', `must be 'auto', 'keep', a folder ending in '/' or a map from binary name to URL; got ${describe(paths)}`);
  }
  for (const [name, url] of Object.entries(paths)) {
    if (!WASM_FILE_NAMES.includes(name as WasmFileName)) {
      throw inputError(FN, 'options.wasmPaths', `has unknown binary '${name}'; expected one of ${WASM_FILE_NAMES.join(', ')}`);
    }
    if (typeof url !== 'string' || url.length === 0) {
      throw inputError(FN, `options.wasmPaths['${name}']`, `must be a non-empty string; got ${describe(url)}`);
    }
  }
}
