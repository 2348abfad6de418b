// The page's embedding networks, as symbolic tfjs-layers graphs ending in a d-dimensional embedding.
import * as tfl from '@tensorflow/tfjs-layers';

export type BackboneKind = 'cnn' | 'mlp';

export interface BackboneOptions {
  kind: BackboneKind;
  embeddingDim: number;
  seed: number;
}

const kernel = (seed: number) => tfl.initializers.glorotUniform({ seed });

/**
 * The seed notebook's figure-1 network (see apps/cli's model): three unpadded 3×3 convolutions (16, 16, 32) each
 * with batch norm and ReLU, 2×2 max pooling after the first two, a global max pool, then 32 → 64 → d linear layers.
 * Batch norm momentum 0.9 (PyTorch's 0.1 in tfjs's convention).
 */
function figure1Cnn(input: tfl.SymbolicTensor, embeddingDim: number, seed: number): tfl.SymbolicTensor {
  let x = input;
  [16, 16, 32].forEach((filters, i) => {
    x = tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'valid', kernelInitializer: kernel(seed + i), name: `conv${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5, name: `bn${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.activation({ activation: 'relu', name: `relu${i + 1}` }).apply(x) as tfl.SymbolicTensor;
    if (i < 2) x = tfl.layers.maxPooling2d({ poolSize: 2, name: `pool${i + 1}` }).apply(x) as tfl.SymbolicTensor;
  });
  x = tfl.layers.globalMaxPooling2d({ name: 'global_max' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 64, kernelInitializer: kernel(seed + 10), name: 'fc1' }).apply(x) as tfl.SymbolicTensor;
  return tfl.layers.dense({ units: embeddingDim, kernelInitializer: kernel(seed + 11), name: 'embedding' }).apply(x) as tfl.SymbolicTensor;
}

/** A small multilayer perceptron: (flatten) → 128 ReLU → 64 ReLU → d. Fast anywhere; for CSV rows and quick runs. */
function mlp(input: tfl.SymbolicTensor, embeddingDim: number, seed: number): tfl.SymbolicTensor {
  let x = input;
  if (input.shape.length > 2) x = tfl.layers.flatten({ name: 'flatten' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 128, activation: 'relu', kernelInitializer: kernel(seed), name: 'fc1' }).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 64, activation: 'relu', kernelInitializer: kernel(seed + 1), name: 'fc2' }).apply(x) as tfl.SymbolicTensor;
  return tfl.layers.dense({ units: embeddingDim, kernelInitializer: kernel(seed + 2), name: 'embedding' }).apply(x) as tfl.SymbolicTensor;
}

/** The embedding of `input` (images [h, w, 1] for the CNN; anything for the MLP). */
export function embeddingOf(input: tfl.SymbolicTensor, options: BackboneOptions): tfl.SymbolicTensor {
  if (options.kind === 'cnn') {
    if (input.shape.length !== 4) throw new Error(`the convolutional network needs images [h, w, 1]; got input shape [${input.shape.slice(1).join(', ')}]`);
    return figure1Cnn(input, options.embeddingDim, options.seed);
  }
  return mlp(input, options.embeddingDim, options.seed);
}
