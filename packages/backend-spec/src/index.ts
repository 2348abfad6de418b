export type { BackendInfo, UseBackend } from './backend-info';
export { BackendUnavailableError } from './adapter-error';
export { assertGradientsRegistered } from './gradients';
export { activateBackend, kernelsWithPrefix } from './activate';
export { nativeAdapter, type NativeAdapter } from "./native";
export { adapterInputError, type AdapterInputError } from './input-error';
