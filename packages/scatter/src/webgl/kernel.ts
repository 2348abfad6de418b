// The webgl kernels: the ids' CSR layout (cached per ids tensor) is uploaded as two small int textures, `order`
// and `offsets`; one shader pass reduces each segment over its own members only. Softmax adds one linear pass.
import type * as tf from '@tensorflow/tfjs-core';
import { segmentLayoutOf, segmentOutputShape, segmentView, type MgpScatterAttrs } from '@mgp/metrics';
import { emptyValue, KERNEL_OF, type ScatterOp } from '../scatter_op';
import { asWebGLBackend, type WebGLBackendLike } from './backend_like';
import { NEG_INF_VALUES } from './glsl';
import { reshapeInfo } from './reshape';
import { SegmentReduceProgram, type ReduceOp } from './reduce_program';
import { SegmentSoftmaxProgram } from './softmax_program';

export function webglKernelFunc(op: ScatterOp): tf.KernelFunc {
  const kernelName = KERNEL_OF[op];
  return ({ inputs, backend: anyBackend, attrs }) => {
    const backend = asWebGLBackend(anyBackend);
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments, axis } = attrs as unknown as MgpScatterAttrs;
    const view = segmentView(x.shape, axis);
    const layout = segmentLayoutOf(kernelName, segmentIds.dataId, numSegments, view.length, () => backend.readSync(segmentIds.dataId) as ArrayLike<number>);
    const outShape = op === 'softmax' ? x.shape.slice() : segmentOutputShape(view, numSegments);
    if (outShape.reduce((a, b) => a * b, 1) === 0 || view.length === 0) {
      const fill = new Float32Array(outShape.reduce((a, b) => a * b, 1)).fill(emptyValue(op));
      return backend.makeTensorInfo(outShape, 'float32', fill);
    }
    const temps: tf.TensorInfo[] = [];
    const keep = (info: tf.TensorInfo) => (temps.push(info), info);
    try {
      const x3 = keep(reshapeInfo(backend, x, [view.outer, view.length, view.inner]));
      const order = keep(backend.makeTensorInfo([view.length], 'int32', layout.order));
      const offsets = keep(backend.makeTensorInfo([numSegments + 1], 'int32', layout.offsets));
      const reduceOp: ReduceOp = op === 'softmax' ? 'logSumExp' : op;
      const reduce = new SegmentReduceProgram(reduceOp, view.outer, numSegments, view.inner, layout.maxCount);
      const reduced = keep(backend.runWebGLProgram(reduce, [x3, order, offsets], 'float32', NEG_INF_VALUES));
      const result = op === 'softmax' ? keep(softmax(backend, x3, segmentIds, reduced, view.outer, view.length, view.inner)) : reduced;
      return reshapeInfo(backend, result, outShape);
    } finally {
      for (const info of temps) backend.disposeIntermediateTensorInfo(info);
    }
  };
}

function softmax(
  backend: WebGLBackendLike,
  x3: tf.TensorInfo,
  segmentIds: tf.TensorInfo,
  lse: tf.TensorInfo,
  outer: number,
  n: number,
  inner: number,
): tf.TensorInfo {
  const program = new SegmentSoftmaxProgram(outer, n, inner);
  return backend.runWebGLProgram(program, [x3, segmentIds, lse], 'float32', NEG_INF_VALUES);
}
