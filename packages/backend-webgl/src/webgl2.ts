// WebGL2 or a clear error: Node has no WebGL at all, and some browsers (or disabled GPU acceleration) offer
// only WebGL1 or none. @mgp/scatter's shaders and tfjs's float textures need WebGL2.
import * as tf from '@tensorflow/tfjs-core';
import { BackendUnavailableError } from '@mgp/backend-spec';

const ELSEWHERE = 'Use @mgp/backend-wasm (browsers and Node), @mgp/backend-cpu, or @mgp/backend-node in Node.';

/** Where WebGL2 is missing, why; null where it is there. Call after the peer is loaded (it defines WEBGL_VERSION). */
export function webgl2MissingReason(env: tf.Environment = tf.env()): string | null {
  if (!env.getBool('IS_BROWSER')) {
    return 'WebGL2 is not available: this is not a browser (Node.js has no WebGL, and tfjs registers the webgl backend only in browsers)';
  }
  let version = 0;
  try {
    version = env.getNumber('WEBGL_VERSION');
  } catch {
    version = 0;
  }
  if (version >= 2) return null;
  return version === 1
    ? 'this browser offers only WebGL1; @mgp/backend-webgl needs WebGL2'
    : 'this browser offers no WebGL (it may be disabled, or the GPU blocklisted); @mgp/backend-webgl needs WebGL2';
}

export function assertWebGL2(env: tf.Environment = tf.env()): void {
  const reason = webgl2MissingReason(env);
  if (reason !== null) {
    const remedy = env.getBool('IS_BROWSER')
      ? `Turn on hardware acceleration (chrome://settings/system) or check chrome://gpu. ${ELSEWHERE}`
      : ELSEWHERE;
    throw new BackendUnavailableError('webgl', reason, remedy);
  }
}
