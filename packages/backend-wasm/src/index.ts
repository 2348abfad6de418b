export { useBackend } from './use-backend';
export { registerMissingWasmKernels, replaceSlowWasmKernels, WASM_EXTRA_KERNELS } from './register';
export { locateWasmFiles, WASM_FILE_NAMES, type WasmFileName, type WasmPaths } from './locate-wasm';
export type { WasmBackendOptions } from './options';
export type { BackendInfo } from '@mgp/backend-spec';
