import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import * as core from './index';

describe('@mgp/core exports', () => {
  it('exports the public API', () => {
    for (const name of [
      'prototypeLogits',
      'PROTOTYPE_METRICS',
      'LearntPrototypes',
      'HypersphericalPrototypes',
      'MetricGuidedRegularizer',
      'metricGuidedRegularizer',
      'embedMetric',
      'embedOnSphere',
      'DeepNCM',
      'deepNcmUpdate',
      'loadMgpModel',
    ]) {
      expect(core, name).toHaveProperty(name);
    }
  });

  it('registers every exported serializable class with tfjs, under its className', () => {
    const registry = tf.serialization.SerializationMap.getMap().classNameMap;
    const exported: unknown[] = Object.values(core);
    const classes = exported.filter((value) => typeof value === 'function' && value.prototype instanceof tf.serialization.Serializable);
    expect(classes.length).toBe(4);
    for (const cls of classes) {
      const className = (cls as { className: string }).className;
      expect(registry[className]?.[0], className).toBe(cls);
    }
  });
});
