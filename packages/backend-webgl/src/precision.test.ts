import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { FLOAT16_EPSILON, floatPrecisionFromFlags, forceFloat16Textures, settleEpsilon } from './precision';

function webglEnv(float32: boolean): tf.Environment {
  const env = new tf.Environment({});
  env.registerFlag('WEBGL_RENDER_FLOAT32_ENABLED', () => float32);
  env.registerFlag('WEBGL_CPU_FORWARD', () => true);
  return env;
}

/** A stand-in for MathBackendWebGL's cached precision test: it sees underflow only when run on the GPU. */
function fakeBackend(env: tf.Environment) {
  let cached: 16 | 32 | undefined;
  return {
    floatPrecision() {
      cached ??= env.getBool('WEBGL_CPU_FORWARD') ? 32 : 16;
      return cached;
    },
    epsilon() {
      return this.floatPrecision() === 32 ? 1e-7 : 1e-4;
    },
  };
}

describe('float precision', () => {
  it('is 32 with float32 textures and 16 without', () => {
    expect(floatPrecisionFromFlags(webglEnv(true))).toBe(32);
    expect(floatPrecisionFromFlags(webglEnv(false))).toBe(16);
  });

  it('forceFloat16Textures turns float32 textures off', () => {
    const env = webglEnv(true);
    forceFloat16Textures(env);
    expect(floatPrecisionFromFlags(env)).toBe(16);
  });

  it('on float16, runs the precision test on the GPU so epsilon() becomes 1e-4, and restores CPU forwarding', () => {
    const env = webglEnv(false);
    const backend = fakeBackend(env);
    expect(settleEpsilon(backend, 16, env)).toEqual([]);
    expect(backend.epsilon()).toBe(FLOAT16_EPSILON);
    expect(env.getBool('WEBGL_CPU_FORWARD')).toBe(true);
  });

  it('says so when epsilon() was cached too small before useBackend()', () => {
    const env = webglEnv(false);
    const backend = fakeBackend(env);
    backend.epsilon(); // cached with CPU forwarding on: 1e-7
    const notes = settleEpsilon(backend, 16, env);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^tf\.backend\(\)\.epsilon\(\) is 1e-7 although tensors are float16/);
  });

  it('leaves float32 alone', () => {
    const env = webglEnv(true);
    expect(settleEpsilon(fakeBackend(env), 32, env)).toEqual([]);
  });
});
