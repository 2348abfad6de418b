// Forward + backward of a scalar loss with respect to given variables, all intermediates freed.
import * as tf from '@tensorflow/tfjs-core';

/** Backends whose kernels run asynchronously: a timed run must wait for the result there. */
const ASYNC_BACKENDS = new Set(['webgl', 'webgpu']);

/** Waits for the work behind these tensors to finish (a no-op on cpu and wasm, whose kernels run eagerly). */
export function settle(tensors: tf.Tensor[]): void {
  if (!ASYNC_BACKENDS.has(tf.getBackend()) || tensors.length === 0) return;
  tf.tidy(() => tf.addN(tensors.map((t) => tf.sum(t))).dataSync());
}

/** One forward + backward pass: loss and its gradients with respect to `vars`, then everything disposed. */
export function forwardBackward(loss: () => tf.Scalar, vars: tf.Variable[]): void {
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, vars);
    settle([value, ...Object.values(grads)]);
  });
}

/** A forward pass only (a reference such as one matrix product). */
export function forwardOnly(f: () => tf.Tensor): void {
  tf.tidy(() => settle([f()]));
}

/** The trainable variables of a tf.layers layer or model (what an optimizer updates). */
export function layerVariables(layer: { trainableWeights: Array<{ read(): tf.Tensor }> }): tf.Variable[] {
  return layer.trainableWeights.map((w) => w.read() as tf.Variable);
}

/** A trainable variable of standard-normal values (the initial tensor freed, so nothing is left behind). */
export function randomVariable(shape: number[], seed: number): tf.Variable {
  const init = tf.randomNormal(shape, 0, 1, 'float32', seed);
  const v = tf.variable(init);
  init.dispose();
  return v;
}

/** One training step: forward, backward, optimizer update, intermediates freed. */
export function trainStep(loss: () => tf.Scalar, vars: tf.Variable[], optimizer: tf.Optimizer): void {
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, vars);
    optimizer.applyGradients(grads);
    settle([value, ...vars]);
  });
}
