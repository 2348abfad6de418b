// The built-in path: a segment reduction from public tfjs ops, with its gradient attached by tf.customGrad.
import * as tf from '@tensorflow/tfjs-core';
import type { SegmentLayout } from '../layout';
import { segmentOutputShape, type SegmentView } from '../view';
import { segmentForward3d, type SegmentOp } from './forward';
import { segmentGrad3d } from './grad';

export function builtinSegment(op: SegmentOp, x: tf.Tensor, layout: SegmentLayout, view: SegmentView): tf.Tensor {
  const view3: [number, number, number] = [view.outer, view.length, view.inner];
  const outShape = op === 'softmax' ? x.shape : segmentOutputShape(view, layout.numSegments);
  const run = tf.customGrad((input: tf.Tensor | tf.GradSaveFunc, save: tf.Tensor | tf.GradSaveFunc) => {
    const x3 = tf.reshape(input as tf.Tensor, view3) as tf.Tensor3D;
    const y3 = segmentForward3d(op, x3, layout);
    (save as tf.GradSaveFunc)([x3, y3]);
    return {
      value: tf.reshape(y3, outShape),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ys] = saved as [tf.Tensor3D, tf.Tensor3D];
        const dy3 = tf.reshape(dy, ys.shape) as tf.Tensor3D;
        return tf.reshape(segmentGrad3d(op, { dy: dy3, x: xs, y: ys, layout }), x.shape);
      },
    };
  });
  return run(x);
}
