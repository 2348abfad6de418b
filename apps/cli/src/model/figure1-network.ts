import * as tfl from '@tensorflow/tfjs-layers';
import { deriveSeed } from '../rng';
import { TorchBatchNorm } from './batch-norm';
import { InputConv2D } from './input-conv';
import { torchLikeInit } from './init';

export interface Figure1NetworkOptions {
  /** Size of the embedding (the last dense layer); 2 in Figure 1. */
  embeddingDim?: number;
  /** Image side (28 for the MNIST family). */
  size?: number;
  seed?: number;
}

/**
 * The seed notebook's SimpleCNN (`mgp.ipynb`): three unpadded 3×3 convolutions (16, 16, 32 channels), each
 * followed by batch norm and ReLU, with 2×2 max pooling after the first two; a global max pool; then two linear
 * layers without activation between them (32 → 64 → embedding). Batch norm is PyTorch's (momentum 0.1,
 * epsilon 1e-5, unbiased running variance) with a backward pass that is fast on wasm (see batch-norm.ts).
 */
export function buildFigure1Network(options: Figure1NetworkOptions = {}): tfl.LayersModel {
  const embeddingDim = options.embeddingDim ?? 2;
  const size = options.size ?? 28;
  const seed = options.seed ?? 0;
  const input = tfl.input({ shape: [size, size, 1], name: 'image' });
  let x: tfl.SymbolicTensor = input;
  const channels = [16, 16, 32];
  let inChannels = 1;
  channels.forEach((filters, i) => {
    const conv =
      i === 0
        ? new InputConv2D({ filters, kernelSize: 3, inputChannels: inChannels, seed: deriveSeed(seed, i), name: 'conv1' })
        : tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'valid', name: `conv${i + 1}`, ...torchLikeInit(inChannels * 9, deriveSeed(seed, i)) });
    x = conv.apply(x) as tfl.SymbolicTensor;
    x = new TorchBatchNorm({ momentum: 0.1, epsilon: 1e-5, name: `bn${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reLU({ name: `relu${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    if (i < 2) x = tfl.layers.maxPooling2d({ poolSize: 2, name: `pool${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    inChannels = filters;
  });
  // The global max pool as one max pool over the whole map: its gradient is the MaxPoolGrad kernel, where
  // globalMaxPooling2d's is a broadcast Equal mask that costs 10 ms a step on wasm.
  const [, height, width] = x.shape as number[];
  x = tfl.layers.maxPooling2d({ poolSize: [height, width], name: 'global_max_window' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.flatten({ name: 'global_max' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 64, name: 'fc1', ...torchLikeInit(32, deriveSeed(seed, 10)) }).apply(x) as tfl.SymbolicTensor;
  const embedding = tfl.layers
    .dense({ units: embeddingDim, name: 'embedding', ...torchLikeInit(64, deriveSeed(seed, 11)) })
    .apply(x) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: embedding, name: 'figure1_cnn' });
}
