import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * Per-channel sums of a channels-last tensor as one matrix product, x[M, C]ᵀ · ones[M, 1]. On tfjs's wasm backend a
 * reduction over the leading axes first transposes the whole tensor (10 ms for the figure-1 CNN's first
 * activation, 3 ms as this product); ones · x would be worse, as XNNPACK repacks x as weights on every call.
 */
function channelSums(x: tf.Tensor, ones: tf.Tensor2D): tf.Tensor1D {
  const channels = x.shape[x.rank - 1];
  return tf.reshape(tf.matMul(tf.reshape(x, [ones.shape[0], channels]), ones, true, false), [channels]);
}

/**
 * Batch normalization in training mode over all axes but the last, with the analytic backward pass
 * (dx = a·dy − (a/M)·(Σdy + x̂·Σ(dy·x̂)), a = γ·σ⁻¹). tfjs's own FusedBatchNorm gradient tiles σ⁻¹ to the full input
 * shape; on the wasm backend that `Tile` alone took a third of a training step of the figure-1 CNN.
 */
export function batchNormTraining(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  onStatistics?: (mean: tf.Tensor, variance: tf.Tensor, count: number) => void,
): tf.Tensor {
  const count = x.size / x.shape[x.rank - 1];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xIn, g, b, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const ones = tf.ones([count, 1]) as tf.Tensor2D;
    const mean = tf.div(channelSums(xIn, ones), count);
    const centered = tf.sub(xIn, mean);
    // Two passes (mean, then squared deviations): as exact as tf.moments, unlike E[x²] − E[x]².
    const variance = tf.div(channelSums(tf.square(centered), ones), count);
    // The batch statistics serve the running averages too, so they are computed once.
    onStatistics?.(mean, variance, count);
    const invStd = tf.rsqrt(tf.add(variance, epsilon));
    const xHat = tf.mul(centered, invStd);
    save([xHat, invStd, g, ones]);
    return {
      value: tf.add(tf.mul(xHat, g), b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedXHat, savedInvStd, savedGamma, savedOnes] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor2D];
        const dBeta = channelSums(dy, savedOnes);
        const dGamma = channelSums(tf.mul(dy, savedXHat), savedOnes);
        const a = tf.mul(savedGamma, savedInvStd);
        const perMean = tf.div(a, -count);
        // dx = dy·a + x̂·(−a·Σ(dy·x̂)/M) + (−a·Σdy/M): two full-size products and two sums.
        const dx = tf.add(tf.add(tf.mul(dy, a), tf.mul(savedXHat, tf.mul(perMean, dGamma))), tf.mul(perMean, dBeta));
        return [dx, dGamma, dBeta];
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
