// Nested serializable objects (regularizers, initializers) in layer configs, as tfjs-layers stores them:
// `{className, config}`, looked up again in tfjs's serialization registry on load.
import * as tf from '@tensorflow/tfjs-core';
import { describeValue, MgpInputError } from '@mgp/metrics';

export function serializeObject(value: tf.serialization.Serializable | null | undefined): tf.serialization.ConfigDict | null {
  if (value == null) return null;
  return { className: value.getClassName(), config: value.getConfig() };
}

/** A Serializable instance as given, or one rebuilt from its `{className, config}`; null when absent. */
export function deserializeObject<T extends tf.serialization.Serializable>(
  fn: string,
  arg: string,
  value: unknown,
  isExpected: (object: tf.serialization.Serializable) => object is T,
  expected: string,
): T | null {
  if (value == null) return null;
  let object: tf.serialization.Serializable | null = null;
  if (value instanceof tf.serialization.Serializable) {
    object = value;
  } else if (typeof value === 'object' && typeof (value as { className?: unknown }).className === 'string') {
    const { className, config } = value as { className: string; config?: tf.serialization.ConfigDict };
    const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
    if (!entry) throw new MgpInputError(fn, arg, `names class '${className}', which is not registered (import the package that defines it)`);
    const [cls, fromConfig] = entry;
    object = fromConfig(cls, config ?? {});
  }
  if (object === null || !isExpected(object)) {
    throw new MgpInputError(fn, arg, `must be ${expected} or its {className, config}; got ${describeValue(value)}`);
  }
  return object;
}
