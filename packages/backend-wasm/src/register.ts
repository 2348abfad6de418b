// Registers, for backend 'wasm', the training kernels tfjs-backend-wasm 4.22 lacks: each only when tfjs has none.
import * as tf from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterConfig } from './kernels/Conv2DBackpropFilter';
import { depthwiseConv2dNativeBackpropFilterConfig } from './kernels/DepthwiseConv2dNativeBackpropFilter';
import { depthwiseConv2dNativeBackpropInputConfig } from './kernels/DepthwiseConv2dNativeBackpropInput';
import { unsortedSegmentSumConfig } from './kernels/UnsortedSegmentSum';

/** The kernels this package provides for 'wasm', by tfjs kernel name. */
export const WASM_EXTRA_KERNELS: readonly tf.KernelConfig[] = [
  conv2DBackpropFilterConfig,
  depthwiseConv2dNativeBackpropFilterConfig,
  depthwiseConv2dNativeBackpropInputConfig,
  unsortedSegmentSumConfig,
];

/**
 * Registers this package's kernels for 'wasm' where `tf.getKernel(name, 'wasm')` is undefined, and returns the
 * names of those now served by this package (registered by this call or an earlier one). Safe to call repeatedly;
 * a kernel a later tfjs version ships (or another package registered) is left alone.
 */
export function registerMissingWasmKernels(): string[] {
  const ours: string[] = [];
  for (const config of WASM_EXTRA_KERNELS) {
    const existing = tf.getKernel(config.kernelName, 'wasm');
    if (existing === undefined) {
      tf.registerKernel(config);
      ours.push(config.kernelName);
    } else if (existing.kernelFunc === config.kernelFunc) {
      ours.push(config.kernelName);
    }
  }
  return ours;
}
