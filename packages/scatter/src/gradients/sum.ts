// d/dx of a segment sum: each member receives its segment's upstream gradient.
import * as tf from '@tensorflow/tfjs-core';
import { MgpScatterSum } from '../kernel_names';
import { gradContext, toMembers } from './common';

export const scatterSumGradConfig: tf.GradConfig = {
  kernelName: MgpScatterSum,
  inputsToSave: ['x', 'segmentIds'],
  gradFunc: (dy, saved, attrs) => {
    const ctx = gradContext(saved, attrs);
    return { x: () => toMembers(dy as tf.Tensor, ctx), segmentIds: () => tf.zerosLike(ctx.segmentIds) };
  },
};
