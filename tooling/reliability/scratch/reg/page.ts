import * as tf from '@tensorflow/tfjs';
import '@mgp/core';
import '@mgp/hierarchy';
(window as any).registered = Object.keys(tf.serialization.SerializationMap.getMap().classNameMap);
