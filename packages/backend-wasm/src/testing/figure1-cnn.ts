// The seed notebook's Figure-1 CNN (as apps/cli builds it) and a metric-guided training loss, for tests.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** Three unpadded 3×3 convolutions (16, 16, 32) with batch norm and ReLU, 2×2 max pools after the first two,
 * a global max pool, dense 64, dense 2 (the embedding). */
export function figure1Cnn(size = 28, seed = 0): tfl.LayersModel {
  const input = tfl.input({ shape: [size, size, 1] });
  let x: tfl.SymbolicTensor = input;
  [16, 16, 32].forEach((filters, i) => {
    x = tfl.layers
      .conv2d({ filters, kernelSize: 3, padding: 'valid', kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + i }) })
      .apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x) as tfl.SymbolicTensor;
    x = tfl.layers.reLU().apply(x) as tfl.SymbolicTensor;
    if (i < 2) x = tfl.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tfl.SymbolicTensor;
  });
  x = tfl.layers.globalMaxPooling2d({}).apply(x) as tfl.SymbolicTensor;
  x = tfl.layers.dense({ units: 64, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 10 }) }).apply(x) as tfl.SymbolicTensor;
  const out = tfl.layers.dense({ units: 2, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 11 }) }).apply(x) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: out });
}

/** Cross-entropy of logits −‖e − p‖² against fixed 2-D prototypes (matrix form, no [B, K, d] tensor). */
export function prototypeLoss(model: tfl.LayersModel, images: tf.Tensor4D, labels: tf.Tensor1D, prototypes: tf.Tensor2D): tf.Scalar {
  const e = model.apply(images, { training: true }) as tf.Tensor2D;
  const sq = tf.add(
    tf.sub(tf.sum(tf.square(e), 1, true), tf.mul(2, tf.matMul(e, prototypes, false, true))),
    tf.transpose(tf.sum(tf.square(prototypes), 1, true)),
  );
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, prototypes.shape[0]), tf.neg(sq)) as tf.Scalar;
}
