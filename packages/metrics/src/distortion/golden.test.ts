// The seed's distortion, scale-free distortion and distortion loss, against the float64 golden files.
import * as tf from '@tensorflow/tfjs-core';
import { expectClose, goldenCases, maxRelativeError, useTestBackend } from '@mgp/test-utils';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { distortion, distortionLoss, optimalScale, scaleFreeDistortion } from '../index';

const errors: Record<string, number> = {};
function check(key: string, actual: number | number[][], expected: number | number[][]): void {
  errors[key] = Math.max(errors[key] ?? 0, maxRelativeError(actual, expected));
  expectClose(actual, expected);
}

beforeAll(async () => {
  await useTestBackend();
});
afterAll(() => console.log('distortion golden max relative errors', errors));

describe.each(goldenCases)('%s', (_, g) => {
  const D = g.tree.distance_path;
  const P = () => tf.tensor2d(g.inputs.prototypes);

  it('distortion.euclidean / .cosine', () => {
    const p = P();
    check('distortion.euclidean', distortion(p, D).dataSync()[0], g.distortion.euclidean);
    check('distortion.cosine', distortion(p, D, { metric: 'cosine' }).dataSync()[0], g.distortion.cosine);
    p.dispose();
  });

  it('scale_free_distortion.value / .optimal_scale', () => {
    const p = P();
    const Dt = tf.tensor2d(D);
    check('scale_free_distortion.optimal_scale', optimalScale(p, Dt), g.scale_free_distortion.optimal_scale);
    check('scale_free_distortion.value', scaleFreeDistortion(p, D).dataSync()[0], g.scale_free_distortion.value);
    tf.dispose([p, Dt]);
  });

  it('distortion_loss.scale_free / .plain / .scale_free_cosine / .grad_scale_free', () => {
    const p = P();
    const Dt = tf.tensor2d(D);
    check('distortion_loss.scale_free', distortionLoss(p, D).dataSync()[0], g.distortion_loss.scale_free);
    check('distortion_loss.plain', distortionLoss(p, Dt, { scaleFree: false }).dataSync()[0], g.distortion_loss.plain);
    check('distortion_loss.scale_free_cosine', distortionLoss(p, D, { metric: 'cosine' }).dataSync()[0], g.distortion_loss.scale_free_cosine);
    const grad = tf.grad((x: tf.Tensor) => distortionLoss(x as tf.Tensor2D, Dt))(p);
    check('distortion_loss.grad_scale_free', grad.arraySync() as number[][], g.distortion_loss.grad_scale_free);
    tf.dispose([p, Dt, grad]);
  });
});
