// d/dx of a softmax within segments: y ⊙ (dy − Σ_segment(dy ⊙ y)), the usual softmax Jacobian per segment.
import * as tf from '@tensorflow/tfjs-core';
import { segmentSum } from '@mgp/metrics';
import { MgpScatterSoftmax } from '../kernel_names';
import { gradContext, toMembers } from './common';

export const scatterSoftmaxGradConfig: tf.GradConfig = {
  kernelName: MgpScatterSoftmax,
  inputsToSave: ['x', 'segmentIds'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const ctx = gradContext(saved, attrs);
    return {
      x: () => {
        const y = ctx.y as tf.Tensor;
        const dots = segmentSum(tf.mul(dy as tf.Tensor, y), ctx.segmentIds, ctx.numSegments, { axis: ctx.axis });
        return tf.mul(y, tf.sub(dy as tf.Tensor, toMembers(dots, ctx)));
      },
      segmentIds: () => tf.zerosLike(ctx.segmentIds),
    };
  },
};
