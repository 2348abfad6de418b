// The kernel for every backend but webgl ('cpu', 'wasm', 'tensorflow', 'webgpu', …): reads the inputs through the
// backend's own readSync, computes on typed arrays, writes the output through the backend's write. Any tfjs
// KernelBackend has both, so no backend package is imported.
import type * as tf from '@tensorflow/tfjs-core';
import { segmentLayoutOf, segmentOutputShape, segmentView, type MgpScatterAttrs } from '@mgp/metrics';
import { KERNEL_OF, type ScatterOp } from '../scatter_op';
import { scatterValues } from './compute';

/** The part of tfjs's KernelBackend this kernel uses. */
interface ReadWriteBackend {
  readSync(dataId: tf.DataId): unknown;
  write(values: Float32Array, shape: number[], dtype: tf.DataType): tf.DataId;
}

export function fallbackKernelFunc(op: ScatterOp): tf.KernelFunc {
  const kernelName = KERNEL_OF[op];
  return ({ inputs, backend, attrs }) => {
    const io = backend as ReadWriteBackend;
    const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
    const { numSegments, axis } = attrs as unknown as MgpScatterAttrs;
    const view = segmentView(x.shape, axis);
    const read = (info: tf.TensorInfo) => io.readSync(info.dataId) as ArrayLike<number>;
    const layout = segmentLayoutOf(kernelName, segmentIds.dataId, numSegments, view.length, () => read(segmentIds));
    const shape = op === 'softmax' ? x.shape.slice() : segmentOutputShape(view, numSegments);
    const values = scatterValues(op, read(x), view, layout);
    return { dataId: io.write(values, shape, 'float32'), shape, dtype: 'float32' };
  };
}
