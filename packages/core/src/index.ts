export { prototypeLogits } from './logits/prototype-logits';
export { PROTOTYPE_METRICS, type PrototypeMetric, type PrototypeMetricOptions } from './logits/metric';
