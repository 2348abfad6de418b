import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * Batch normalization in training mode over all axes but the last, with the analytic backward pass
 * (dx = γ·σ⁻¹/M · (M·dy − Σdy − x̂·Σ(dy·x̂))). tfjs's own FusedBatchNorm gradient tiles σ⁻¹ to the full input
 * shape; on the wasm backend that `Tile` alone took a third of a training step of the figure-1 CNN.
 */
export function batchNormTraining(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  onStatistics?: (mean: tf.Tensor, variance: tf.Tensor, count: number) => void,
): tf.Tensor {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const count = x.size / x.shape[x.rank - 1];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, g, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const { mean, variance } = tf.moments(xIn, axes);
    // The batch statistics serve the running averages too, so they are computed once.
    onStatistics?.(mean, variance, count);
    const invStd = tf.rsqrt(tf.add(variance, epsilon));
    const xHat = tf.mul(tf.sub(xIn, mean), invStd);
    save([xHat, invStd, g]);
    return {
      value: tf.add(tf.mul(xHat, g), b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedXHat, savedInvStd, savedGamma] = saved;
        const dBeta = tf.sum(dy, axes);
        const dGamma = tf.sum(tf.mul(dy, savedXHat), axes);
        const scale = tf.div(tf.mul(savedGamma, savedInvStd), count);
        const inner = tf.sub(tf.sub(tf.mul(dy, count), dBeta), tf.mul(savedXHat, dGamma));
        return [tf.mul(inner, scale), dGamma, dBeta];
      },
    };
  });
  return op(x, gamma, beta);
}

export interface BatchNormConfig {
  /** Weight of the new batch in the running statistics (PyTorch's `momentum`, default 0.1). */
  momentum?: number;
  epsilon?: number;
  name?: string;
}

/**
 * `nn.BatchNorm2d` as a tfjs layer: batch statistics and running-statistics update in training (running
 * variance unbiased, as PyTorch), running statistics in inference, and the fast backward pass above.
 */
export class TorchBatchNorm extends tfl.layers.Layer {
  static readonly className = 'MgpTorchBatchNorm';
  private readonly momentum: number;
  private readonly epsilon: number;
  private gamma!: tfl.LayerVariable;
  private beta!: tfl.LayerVariable;
  private runningMean!: tfl.LayerVariable;
  private runningVar!: tfl.LayerVariable;

  constructor(config: BatchNormConfig = {}) {
    super({ name: config.name });
    this.momentum = config.momentum ?? 0.1;
    this.epsilon = config.epsilon ?? 1e-5;
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const channels = shape[shape.length - 1] as number;
    this.gamma = this.addWeight('gamma', [channels], 'float32', tfl.initializers.ones());
    this.beta = this.addWeight('beta', [channels], 'float32', tfl.initializers.zeros());
    this.runningMean = this.addWeight('running_mean', [channels], 'float32', tfl.initializers.zeros(), undefined, false);
    this.runningVar = this.addWeight('running_var', [channels], 'float32', tfl.initializers.ones(), undefined, false);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const gamma = this.gamma.read() as tf.Tensor1D;
      const beta = this.beta.read() as tf.Tensor1D;
      if (!kwargs.training) {
        return tf.batchNorm(x, this.runningMean.read() as tf.Tensor1D, this.runningVar.read() as tf.Tensor1D, beta, gamma, this.epsilon);
      }
      return batchNormTraining(x, gamma, beta, this.epsilon, (mean, variance, count) => this.updateRunning(mean, variance, count));
    });
  }

  /** running ← (1 − m)·running + m·batch, with the unbiased batch variance (PyTorch's convention). */
  private updateRunning(mean: tf.Tensor, variance: tf.Tensor, count: number): void {
    tf.tidy(() => {
      const unbiased = tf.mul(variance, count / Math.max(count - 1, 1));
      const m = this.momentum;
      this.runningMean.write(tf.add(tf.mul(this.runningMean.read(), 1 - m), tf.mul(mean, m)));
      this.runningVar.write(tf.add(tf.mul(this.runningVar.read(), 1 - m), tf.mul(unbiased, m)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), momentum: this.momentum, epsilon: this.epsilon };
  }
}
tf.serialization.registerClass(TorchBatchNorm);
