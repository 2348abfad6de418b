// A typed wrapper around tf.customGrad: the gradient function only ever sees tensors passed to save(),
// because inputs captured by closure may be disposed (by a caller's tidy) before backprop runs.
import * as tf from '@tensorflow/tfjs-core';

export type Save = (tensors: tf.Tensor[]) => void;
export type GradFn = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];

export function customOp<T extends tf.Tensor>(
  forward: (inputs: tf.Tensor[], save: Save) => { value: T; gradFunc: GradFn },
): (...inputs: tf.Tensor[]) => T {
  const op = tf.customGrad(((...args: unknown[]) => {
    const save = args.pop() as Save;
    const { value, gradFunc } = forward(args as tf.Tensor[], save);
    // Free the gradient's intermediates as soon as it returns.
    return { value, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.tidy(() => gradFunc(dy, saved)) };
  }) as unknown as Parameters<typeof tf.customGrad<T>>[0]);
  return (...inputs: tf.Tensor[]) => op(...inputs) as T;
}
