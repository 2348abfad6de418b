import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, assertGradientsRegistered, BackendUnavailableError, kernelsWithPrefix, type BackendInfo } from '@mgp/backend-spec';

export type { BackendInfo } from '@mgp/backend-spec';

const REMEDY = 'Install it with `npm install @tensorflow/tfjs-backend-cpu@4.22` (it also comes with `@tensorflow/tfjs`).';

/** Makes the plain-JavaScript cpu backend active. Slow for convolutions, but everywhere and exact. */
export async function useBackend(): Promise<BackendInfo> {
  let version: string;
  try {
    ({ version_cpu: version } = await import('@tensorflow/tfjs-backend-cpu'));
  } catch (cause) {
    throw new BackendUnavailableError('cpu', 'the peer @tensorflow/tfjs-backend-cpu is not installed', REMEDY, { cause });
  }
  await activateBackend('cpu', REMEDY);
  assertGradientsRegistered('cpu');
  return {
    name: tf.getBackend(),
    tfjsVersion: tf.version_core,
    backendVersion: version,
    extraKernels: kernelsWithPrefix('cpu', 'Mgp'),
    notes: [],
  };
}
