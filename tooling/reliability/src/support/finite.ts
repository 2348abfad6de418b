// Checks that numbers coming out of a computation are all finite, naming the first that is not.
import * as tf from '@tensorflow/tfjs-core';

/** The first non-finite value of a tensor (or list of tensors) as 'name[i] = v', or null when all are finite. */
export function firstNonFinite(values: tf.Tensor | tf.Tensor[] | ArrayLike<number>, name = 'value'): string | null {
  const list = Array.isArray(values) && values.every((v) => v instanceof tf.Tensor) ? (values as tf.Tensor[]) : [values];
  for (const [k, item] of list.entries()) {
    const data = item instanceof tf.Tensor ? item.dataSync() : (item as ArrayLike<number>);
    for (let i = 0; i < data.length; i++) {
      if (!Number.isFinite(data[i])) return `${name}${list.length > 1 ? `#${k}` : ''}[${i}] = ${data[i]}`;
    }
  }
  return null;
}
