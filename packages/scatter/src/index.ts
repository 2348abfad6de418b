// @mgp/scatter: importing this module registers the Mgp* segment kernels (a WebGL shader for 'webgl', a
// typed-array kernel for every other backend) and their gradients in tfjs's registries.
import { registerScatterKernels } from './register';

registerScatterKernels();

export { registerScatterKernels, ensureScatterKernels, KNOWN_BACKENDS } from './register';
export { scatterSum } from './ops/sum';
export { scatterMean } from './ops/mean';
export { scatterMax } from './ops/max';
export { scatterLogSumExp } from './ops/logsumexp';
export { scatterSoftmax } from './ops/softmax';
export type { ScatterOptions } from './ops/run';
export {
  MgpScatterSum,
  MgpScatterMean,
  MgpScatterMax,
  MgpScatterLogSumExp,
  MgpScatterSoftmax,
  MGP_SCATTER_KERNEL_NAMES,
  type MgpScatterKernelName,
  type MgpScatterAttrs,
  type MgpScatterInputNames,
} from './kernel_names';
