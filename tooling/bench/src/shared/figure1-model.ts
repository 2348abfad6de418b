// The figure-1 network of the seed notebook: three unpadded 3×3 conv + batch norm + ReLU blocks (16, 16, 32
// channels) with 2×2 max pooling after the first two, a global max pool, dense 64, dense 2 (the embedding).
import * as tfl from '@tensorflow/tfjs-layers';

export function figure1Backbone(seed: number): tfl.LayersModel {
  const input = tfl.input({ shape: [28, 28, 1] });
  let x: tfl.SymbolicTensor = input;
  [16, 16, 32].forEach((filters, i) => {
    x = tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'valid', kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + i }) }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reLU().apply(x) as tfl.SymbolicTensor;
    if (i < 2) x = tfl.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tfl.SymbolicTensor;
  });
  x = tfl.layers.globalMaxPooling2d({}).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 64, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 10 }) }).apply(x) as tfl.SymbolicTensor;
  const embedding = tfl.layers.dense({ units: 2, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 11 }) }).apply(x) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: embedding });
}
