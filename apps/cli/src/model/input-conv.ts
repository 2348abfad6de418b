import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { torchLikeInit } from './init';

export interface InputConvConfig {
  filters: number;
  kernelSize: number;
  inputChannels: number;
  seed: number;
  name?: string;
}

/**
 * A valid, stride-1 convolution with bias for the first layer of a network. tfjs-layers' Conv2D always runs the
 * fused conv op, whose gradient also computes the gradient of the input images, useless for a first layer and
 * 6% of a training step of the figure-1 CNN on wasm. Plain `conv2d` + `add` lets the tape skip it.
 */
export class InputConv2D extends tfl.layers.Layer {
  static readonly className = 'MgpInputConv2D';
  private readonly config: InputConvConfig;
  private kernel!: tfl.LayerVariable;
  private bias!: tfl.LayerVariable;

  constructor(config: InputConvConfig) {
    super({ name: config.name });
    this.config = config;
  }

  override build(): void {
    const { filters, kernelSize, inputChannels, seed } = this.config;
    const init = torchLikeInit(inputChannels * kernelSize * kernelSize, seed);
    this.kernel = this.addWeight('kernel', [kernelSize, kernelSize, inputChannels, filters], 'float32', init.kernelInitializer);
    this.bias = this.addWeight('bias', [filters], 'float32', init.biasInitializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [b, h, w] = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const k = this.config.kernelSize;
    return [b, h === null ? null : h - k + 1, w === null ? null : w - k + 1, this.config.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      return tf.add(tf.conv2d(x, this.kernel.read() as tf.Tensor4D, 1, 'valid'), this.bias.read());
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const { filters, kernelSize, inputChannels, seed } = this.config;
    return { ...super.getConfig(), filters, kernelSize, inputChannels, seed };
  }
}
tf.serialization.registerClass(InputConv2D);
