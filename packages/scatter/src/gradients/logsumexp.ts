// d/dx of a segment logsumexp: the upstream gradient times the softmax within the segment, exp(x − y).
import * as tf from '@tensorflow/tfjs-core';
import { MgpScatterLogSumExp } from '../kernel_names';
import { finiteOrZero, gradContext, toMembers } from './common';

export const scatterLogSumExpGradConfig: tf.GradConfig = {
  kernelName: MgpScatterLogSumExp,
  inputsToSave: ['x', 'segmentIds'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const ctx = gradContext(saved, attrs);
    return {
      x: () => tf.mul(toMembers(dy as tf.Tensor, ctx), tf.exp(tf.sub(ctx.x, toMembers(finiteOrZero(ctx.y as tf.Tensor), ctx)))),
      segmentIds: () => tf.zerosLike(ctx.segmentIds),
    };
  },
};
