// hostMatMul, the public form of the SIMD matrix product (./gemm-kernels): every argument checked before any work.
import { describeValue, formatShape } from '../validation/describe';
import { MgpInputError } from '../validation/errors';
import { hostProduct, type HostMatMulOptions, type HostMatrix } from './gemm-kernels';

const FN = 'hostMatMul';

/**
 * op(a)·op(b) for row-major matrices on the host ({ values, shape: [rows, columns] }), op the transpose where asked,
 * as a new [m, n] row-major Float32Array, with a bundled WebAssembly SIMD kernel (~30 GFLOP/s on one core, against
 * ~0.4 for tfjs-cpu's matMul); null where the engine lacks WebAssembly SIMD.
 */
export function hostMatMul(a: HostMatrix, b: HostMatrix, options: HostMatMulOptions = {}): Float32Array | null {
  checkMatrix('a', a);
  checkMatrix('b', b);
  for (const key of ['transposeA', 'transposeB'] as const) {
    const value = (options as Record<string, unknown>)?.[key];
    if (value !== undefined && typeof value !== 'boolean') throw new MgpInputError(FN, `options.${key}`, `must be a boolean; got ${describeValue(value)}`);
  }
  const inner = options.transposeA ? a.shape[0] : a.shape[1];
  const [axis, size] = options.transposeB ? [1, b.shape[1]] : [0, b.shape[0]];
  if (size !== inner) {
    throw new MgpInputError(FN, 'b', `must have ${inner} along axis ${axis} (the size op(a) sums over); got shape ${formatShape(b.shape)}`);
  }
  return hostProduct(a, b, options);
}

/**
 * A { values: Float32Array, shape: [rows, columns] } of positive sizes and as many values. The values are not
 * scanned: NaN and ±∞ multiply as they do in tf.matMul.
 */
function checkMatrix(arg: string, x: unknown): asserts x is HostMatrix {
  const matrix = x as Partial<HostMatrix> | null;
  if (typeof x !== 'object' || x === null || !(matrix?.values instanceof Float32Array) || !Array.isArray(matrix.shape)) {
    throw new MgpInputError(FN, arg, `must be { values: Float32Array, shape: [rows, columns] }; got ${describeValue(x)}`);
  }
  const { values, shape } = matrix as HostMatrix;
  if (shape.length !== 2 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new MgpInputError(FN, arg, `must have a shape of two positive integers; got ${describeValue(shape)}`);
  }
  if (values.length !== shape[0] * shape[1]) {
    throw new MgpInputError(FN, arg, `must hold ${shape[0] * shape[1]} values for shape ${formatShape(shape)}; got ${values.length}`);
  }
}
