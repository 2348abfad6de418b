import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from './adapter-error';
import { assertGradientsRegistered } from './gradients';
import { activateBackend } from './activate';

describe('assertGradientsRegistered', () => {
  const matMulGrad = tf.getGradient('BatchMatMul');
  afterEach(() => {
    if (matMulGrad && !tf.getGradient('BatchMatMul')) tf.registerGradient(matMulGrad);
  });

  it('passes when @tensorflow/tfjs registered the gradients', () => {
    expect(() => assertGradientsRegistered('cpu')).not.toThrow();
  });

  it('tells the user to import @tensorflow/tfjs when gradients are missing', () => {
    tf.unregisterGradient('BatchMatMul');
    expect(() => assertGradientsRegistered('cpu')).toThrow(BackendUnavailableError);
    expect(() => assertGradientsRegistered('cpu')).toThrow(/import '@tensorflow\/tfjs'/);
  });
});

describe('activateBackend', () => {
  it('names the backend and the remedy when it is not registered', async () => {
    await expect(activateBackend('no-such-backend', 'Install it.')).rejects.toThrow(
      "@mgp/backend-no-such-backend: the tfjs backend 'no-such-backend' is not registered. Install it.",
    );
  });
});
