export { LearntPrototypes } from '../../../packages/core/src/layers/learnt-prototypes';
export { metricGuidedRegularizer } from '../../../packages/core/src/regularizer/metric-guided-regularizer';
export { DeepNCM } from './fake-core';
