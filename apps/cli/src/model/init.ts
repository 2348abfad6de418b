import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * PyTorch's default initialization for Conv2d and Linear (kaiming-uniform with a = √5, i.e. U(±1/√fanIn) for
 * weights and biases), so the network starts where the seed's does; tfjs's default glorot init differs and
 * matters for a 2-D bottleneck.
 */
type Initializer = ReturnType<typeof tfl.initializers.varianceScaling>;

export function torchLikeInit(fanIn: number, seed: number): { kernelInitializer: Initializer; biasInitializer: Initializer } {
  const bound = 1 / Math.sqrt(fanIn);
  return {
    kernelInitializer: tfl.initializers.varianceScaling({ scale: 1 / 3, mode: 'fanIn', distribution: 'uniform', seed }),
    biasInitializer: tfl.initializers.randomUniform({ minval: -bound, maxval: bound, seed: seed + 1 }),
  };
}

/** Uniform values in [0, 1) with a seed, the seed's initial learnt prototypes (`torch.rand`). */
export function uniformPrototypes(numClasses: number, dim: number, seed: number): tf.Tensor2D {
  return tf.randomUniform([numClasses, dim], 0, 1, 'float32', seed);
}
