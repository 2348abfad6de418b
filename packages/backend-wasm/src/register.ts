// Registers, for backend 'wasm', the training kernels tfjs-backend-wasm 4.22 lacks: each only when tfjs has none.
import * as tf from '@tensorflow/tfjs-core';
import { conv2DBackpropFilterConfig } from './kernels/Conv2DBackpropFilter';
import { xnnpackConv2DBackpropInput } from './kernels/Conv2DBackpropInput';
import { heapMaxPoolGrad } from './kernels/MaxPoolGrad';
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

/** tfjs-backend-wasm kernels this package replaces with faster ones, and how to build each from the original. */
const REPLACEMENTS: ReadonlyArray<{ kernelName: string; replace: (original: tf.KernelFunc) => tf.KernelFunc }> = [
  { kernelName: tf.Conv2DBackpropInput, replace: xnnpackConv2DBackpropInput },
  { kernelName: tf.MaxPoolGrad, replace: heapMaxPoolGrad },
];

/** Our kernel functions by name, so a second call recognises them instead of wrapping them again. */
const installed = new Map<string, tf.KernelFunc>();

/**
 * Replaces, for 'wasm', tfjs kernels that are several times slower than an equivalent (today: Conv2DBackpropInput,
 * a scalar loop in tfjs-backend-wasm 4.22, now on XNNPACK; MaxPoolGrad, now one pass over the heap). The original stays reachable: each replacement
 * hands it the cases it does not cover, and tfjs's setup hook (which binds the wasm function) is kept. Returns
 * the names now served by a replacement. Call after tfjs-backend-wasm is loaded; safe to call repeatedly.
 */
export function replaceSlowWasmKernels(): string[] {
  const ours: string[] = [];
  for (const { kernelName, replace } of REPLACEMENTS) {
    const current = tf.getKernel(kernelName, 'wasm');
    if (current === undefined) continue;
    if (current.kernelFunc !== installed.get(kernelName)) {
      const kernelFunc = replace(current.kernelFunc);
      tf.unregisterKernel(kernelName, 'wasm');
      tf.registerKernel({ ...current, kernelFunc });
      installed.set(kernelName, kernelFunc);
    }
    ours.push(kernelName);
  }
  return ours;
}
