export { useBackend } from './use-backend';
export type { WebGLBackendOptions } from './options';
export { floatPrecisionFromFlags, FLOAT16_EPSILON, FLOAT16_MAX, type FloatPrecision } from './precision';
export { webgl2MissingReason } from './webgl2';
export type { BackendInfo } from '@mgp/backend-spec';
