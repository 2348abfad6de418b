import * as tf from '@tensorflow/tfjs-core';

/**
 * Whether tfjs has already created the webgl backend (its GL context and first textures). Unlike
 * tf.findBackend('webgl'), which would create it, this only looks.
 */
export function webglStarted(): boolean {
  return Object.prototype.hasOwnProperty.call(tf.engine().registry, 'webgl');
}
