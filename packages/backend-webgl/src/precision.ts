// Float precision of the webgl backend: what it is, forcing float16 for tests, and a tf.backend().epsilon() that
// matches it.
//
// tfjs 4.22's MathBackendWebGL.floatPrecision() gets it wrong both ways (tensorflow/tfjs#6980): with float32
// textures it returns 16 without testing anything, and with float16 textures its underflow test (abs(1e-8) > 0)
// runs on the CPU (WEBGL_CPU_FORWARD hands small tensors to the CPU), so it sees no underflow and returns 32.
// epsilon() follows it: 1e-4 on float32 devices (harmless, a larger floor) but 1e-7 on float16 devices, where 1e-7
// is a subnormal that GPUs may flush to 0. We run that first test on the GPU so float16 devices get 1e-4.
import * as tf from '@tensorflow/tfjs-core';

export type FloatPrecision = 16 | 32;

/** The smallest floor that survives a float16 texture with room to spare (tfjs's EPSILON_FLOAT16). */
export const FLOAT16_EPSILON = 1e-4;
/** The largest finite float16; anything larger is stored as Infinity. */
export const FLOAT16_MAX = 65504;

/** 32 where tensors live in float32 textures, 16 where only half floats render (or float16 was forced). */
export function floatPrecisionFromFlags(env: tf.Environment = tf.env()): FloatPrecision {
  return env.getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 32 : 16;
}

/** Makes tfjs allocate half-float textures. Only safe before the webgl backend's first texture. */
export function forceFloat16Textures(env: tf.Environment = tf.env()): void {
  env.set('WEBGL_RENDER_FLOAT32_ENABLED', false);
}

interface PrecisionBackend {
  floatPrecision(): number;
  epsilon(): number;
}

/**
 * On float16, runs tfjs's lazy (cached) precision test with CPU forwarding off, so that it sees 1e-8 underflow
 * and tf.backend().epsilon() becomes 1e-4. Returns notes when epsilon() still disagrees (e.g. it was cached by
 * an earlier call).
 */
export function settleEpsilon(backend: PrecisionBackend, precision: FloatPrecision, env: tf.Environment = tf.env()): string[] {
  if (precision === 16) {
    const forward = env.getBool('WEBGL_CPU_FORWARD');
    env.set('WEBGL_CPU_FORWARD', false);
    try {
      backend.floatPrecision();
    } finally {
      env.set('WEBGL_CPU_FORWARD', forward);
    }
    const epsilon = backend.epsilon();
    if (epsilon < FLOAT16_EPSILON) {
      return [
        `tf.backend().epsilon() is ${epsilon} although tensors are float16 (it was computed before useBackend()); ` +
          `floors below ${FLOAT16_EPSILON} round to 0 in half floats`,
      ];
    }
    return [];
  }
  return [];
}
