// '@tensorflow/tfjs' registers the gradients, layers and chained ops that training needs (tfjs-core alone does not).
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import type { BackendInfo } from '@mgp/backend-wasm';
import { CliError } from './errors';

export const BACKENDS = ['wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export interface ActiveBackend {
  name: string;
  description: string;
  info: BackendInfo;
}

/**
 * Starts a tfjs backend through its @mgp adapter. wasm is the fast one in Node; its adapter also registers the
 * training kernels (Conv2DBackpropFilter, …) that tfjs-backend-wasm lacks. Adapters are imported lazily so
 * that `mgp distances` never loads a backend.
 */
export async function startBackend(name: BackendName): Promise<ActiveBackend> {
  // A command-line tool: no "install tfjs-node" banner and no debug warnings on stderr.
  tf.env().set('PROD', true);
  let info: BackendInfo;
  try {
    const adapter = name === 'wasm' ? await import('@mgp/backend-wasm') : await import('@mgp/backend-cpu');
    info = await adapter.useBackend();
  } catch (cause) {
    const other = name === 'wasm' ? 'cpu' : 'wasm';
    throw new CliError(`the ${name} backend did not start: ${(cause as Error).message}\nTry --backend ${other}.`, 1);
  }
  const facts = [
    info.simd === undefined ? null : info.simd ? 'SIMD' : 'no SIMD',
    info.threads === undefined ? null : `${info.threads} thread${info.threads === 1 ? '' : 's'}`,
    info.extraKernels.length > 0 ? `@mgp kernels: ${info.extraKernels.join(', ')}` : null,
  ].filter((f): f is string => f !== null);
  return { name: tf.getBackend(), description: `${info.name}${facts.length > 0 ? ` (${facts.join('; ')})` : ''}`, info };
}
