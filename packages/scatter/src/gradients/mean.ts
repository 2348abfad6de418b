// d/dx of a segment mean: each member receives its segment's upstream gradient divided by the segment's count.
import * as tf from '@tensorflow/tfjs-core';
import { MgpScatterMean } from '../kernel_names';
import { gradContext, inverseCounts, toMembers } from './common';

export const scatterMeanGradConfig: tf.GradConfig = {
  kernelName: MgpScatterMean,
  inputsToSave: ['x', 'segmentIds'],
  gradFunc: (dy, saved, attrs) => {
    const ctx = gradContext(saved, attrs);
    return {
      x: () => toMembers(tf.mul(dy as tf.Tensor, inverseCounts(MgpScatterMean, ctx)), ctx),
      segmentIds: () => tf.zerosLike(ctx.segmentIds),
    };
  },
};
