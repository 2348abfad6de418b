// tfjs-layers' Regularizer base class. tfjs-layers exports only factories (`tf.regularizers.l1l2()`), not the class,
// and layers test `instanceof Regularizer` on what they are given; its constructor is the parent of L1L2's.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** The type of a tfjs-layers regularizer: `apply(x): Scalar` plus serialization. */
export type Regularizer = ReturnType<typeof tfl.regularizers.l1l2>;

type RegularizerConstructor = abstract new () => Regularizer;

function findRegularizerBase(): RegularizerConstructor {
  const l1l2Class: unknown = tfl.regularizers.l1l2({ l1: 0, l2: 0 }).constructor;
  const base: unknown = typeof l1l2Class === 'function' ? Object.getPrototypeOf(l1l2Class) : null;
  if (typeof base !== 'function' || !(base.prototype instanceof tf.serialization.Serializable)) {
    throw new Error('@mgp/core: could not find the Regularizer base class of @tensorflow/tfjs-layers');
  }
  return base as RegularizerConstructor;
}

export const RegularizerBase: RegularizerConstructor = findRegularizerBase();
