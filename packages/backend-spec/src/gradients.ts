import * as tf from '@tensorflow/tfjs-core';
import { BackendUnavailableError } from './adapter-error';

/**
 * tfjs-core alone registers no gradients (the '@tensorflow/tfjs' bundle does). Training would then fail
 * deep inside model.fit; check up front and say how to fix it.
 */
export function assertGradientsRegistered(backend: string): void {
  if (tf.getGradient('BatchMatMul') === undefined || tf.getGradient('Sum') === undefined) {
    throw new BackendUnavailableError(
      backend,
      'no gradients are registered with @tensorflow/tfjs-core, so nothing can train',
      "Add `import '@tensorflow/tfjs';` (which registers them) before calling useBackend().",
    );
  }
}
