import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { exposeTests } from '@mgp/browser-harness/page';
import { prototypeLogits } from '../../../packages/core/src/logits/prototype-logits';
import { distortionLoss } from '../../../packages/metrics/src/distortion/loss';
import g from '@mgp/test-utils/fixtures/golden-1.json';

async function step(args: { f16: boolean; pack: boolean; lr: number; steps: number; scale: number }) {
  tf.env().set('WEBGL_RENDER_FLOAT32_ENABLED', !args.f16);
  tf.env().set('WEBGL_PACK', args.pack);
  await tf.setBackend('webgl');
  await tf.ready();
  const be = tf.backend() as unknown as { floatPrecision(): number; epsilon(): number };
  const x = tf.mul(tf.tensor2d(g.inputs.embeddings), args.scale);
  const P = tf.variable(tf.mul(tf.tensor2d(g.inputs.prototypes), args.scale) as tf.Tensor2D);
  const K = g.inputs.prototypes.length;
  const y = tf.oneHot(tf.tensor1d(g.inputs.labels, 'int32'), K);
  const opt = tf.train.sgd(args.lr);
  const losses: number[] = [];
  const probes: Record<string, number[]> = {};
  for (let i = 0; i < args.steps; i++) {
    const l = opt.minimize(() => {
      const logits = prototypeLogits(x as tf.Tensor2D, P, { metric: 'euclidean' });
      const ce = tf.losses.softmaxCrossEntropy(y, logits);
      return tf.add(ce, distortionLoss(P, g.tree.distance_path)) as tf.Scalar;
    }, true)!;
    losses.push(l.dataSync()[0]);
    l.dispose();
  }
  probes.log_eps7 = Array.from(tf.log(tf.add(tf.zeros([2]), 1e-7)).dataSync());
  probes.div_eps8 = Array.from(tf.div(1, tf.maximum(tf.zeros([2]), 1e-8)).dataSync());
  probes.div_eps12 = Array.from(tf.div(1, tf.maximum(tf.zeros([2]), 1e-12)).dataSync());
  probes.div_eps4 = Array.from(tf.div(1, tf.maximum(tf.zeros([2]), 1e-4)).dataSync());
  probes.big = Array.from(tf.square(tf.tensor1d([300, 1000])).dataSync());
  probes.catce = Array.from(tf.metrics.categoricalCrossentropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[1, 0]])).dataSync());
  probes.layersCatCE0 = Array.from(tf.metrics.categoricalCrossentropy(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 0]])).dataSync());
  return { floatPrecision: be.floatPrecision(), epsilon: be.epsilon(), r32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED'), losses, P: Array.from(P.dataSync()).slice(0, 6), probes };
}
exposeTests({ step });
