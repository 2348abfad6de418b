// d/dx of a segment max: the upstream gradient goes to the members equal to their segment's max (the argmax
// mask); tied maxima share it equally, as TensorFlow's segment max does.
import * as tf from '@tensorflow/tfjs-core';
import { segmentSum } from '@mgp/metrics';
import { MgpScatterMax } from '../kernel_names';
import { gradContext, toMembers } from './common';

export const scatterMaxGradConfig: tf.GradConfig = {
  kernelName: MgpScatterMax,
  inputsToSave: ['x', 'segmentIds'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const ctx = gradContext(saved, attrs);
    return {
      x: () => {
        const mask = tf.cast(tf.equal(ctx.x, toMembers(ctx.y as tf.Tensor, ctx)), 'float32');
        const ties = tf.maximum(segmentSum(mask, ctx.segmentIds, ctx.numSegments, { axis: ctx.axis }), 1);
        return tf.mul(mask, toMembers(tf.div(dy as tf.Tensor, ties), ctx));
      },
      segmentIds: () => tf.zerosLike(ctx.segmentIds),
    };
  },
};
