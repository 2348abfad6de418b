import * as tf from '@tensorflow/tfjs';
import { exposeTests } from '@mgp/browser-harness/page';
import { segmentLogSumExp, segmentMax, segmentSum } from '@mgp/metrics';
exposeTests({
  async diag() {
    tf.env().set('WEBGL_FORCE_F16_TEXTURES', true);
    await tf.setBackend('webgl'); await tf.ready();
    const x = tf.tensor2d([[1, 2, 3, 4], [0.5, -1, 2, 0]]);
    const ids = [0, 0, 1, 1];
    const out: Record<string, unknown> = { f16: tf.env().getBool('WEBGL_FORCE_F16_TEXTURES'), render32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') };
    const r = (t: tf.Tensor) => Array.from(t.dataSync());
    out.fillNegInf = r(tf.fill([2], Number.NEGATIVE_INFINITY));
    out.equalNegInf = r(tf.equal(tf.fill([2], Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY));
    out.concatPad = r(tf.concat([tf.ones([1, 1, 2]), tf.fill([1, 1, 1], Number.NEGATIVE_INFINITY)], 2));
    out.max = r(segmentMax(x, ids, 2, { axis: 1 }));
    out.sum = r(segmentSum(x, ids, 2, { axis: 1 }));
    out.lse = r(segmentLogSumExp(x, ids, 2, { axis: 1 }));
    out.lseGrad = r(tf.grad((v: tf.Tensor) => tf.sum(segmentLogSumExp(v, ids, 2, { axis: 1 })))(x));
    out.maxGrad = r(tf.grad((v: tf.Tensor) => tf.sum(segmentMax(v, ids, 2, { axis: 1 })))(x));
    return out;
  },
});
