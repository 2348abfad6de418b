// Gradients of the built-in segment reductions, on the [outer, N, inner] view. They use gather and the built-in
// segment sum only, never GatherV2's own gradient (UnsortedSegmentSum, which the wasm backend lacks).
import * as tf from '@tensorflow/tfjs-core';
import type { SegmentLayout } from '../layout';
import { finiteOrZero, gatherSegments, inverseCounts, segmentSum3d } from './reduce';
import type { SegmentOp } from './forward';

export interface GradArgs {
  dy: tf.Tensor3D;
  x: tf.Tensor3D;
  y: tf.Tensor3D;
  layout: SegmentLayout;
}

export function segmentGrad3d(op: SegmentOp, { dy, x, y, layout }: GradArgs): tf.Tensor3D {
  switch (op) {
    case 'sum':
      return gatherSegments(dy, layout);
    case 'mean':
      return gatherSegments(tf.mul(dy, inverseCounts(layout)), layout);
    case 'max': {
      // Ties share the gradient equally, as in TensorFlow's segment max.
      const mask = tf.cast(tf.equal(x, gatherSegments(y, layout)), 'float32');
      const ties = tf.maximum(segmentSum3d(mask as tf.Tensor3D, layout), 1);
      return tf.mul(mask, gatherSegments(tf.div(dy, ties), layout));
    }
    case 'logSumExp':
      return tf.mul(gatherSegments(dy, layout), tf.exp(tf.sub(x, gatherSegments(finiteOrZero(y), layout))));
    case 'softmax':
      return tf.mul(y, tf.sub(dy, gatherSegments(segmentSum3d(tf.mul(dy, y), layout), layout)));
  }
}
