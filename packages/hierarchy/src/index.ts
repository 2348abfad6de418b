// @mgp/hierarchy: class trees from the formats people have, tree metrics, YOLOv2 hierarchical softmax and HXE.

// Trees
export { Hierarchy } from './tree/hierarchy';
export type { ParentsInput } from './tree/from-parents';
export type { WordNetOptions } from './wordnet/from-wordnet';
export type {
  NodeRef,
  NestedNode,
  NestedTree,
  HierarchyJSON,
  HierarchyOptions,
  DistanceKind,
  DistanceMatrixOptions,
} from './tree/types';

// YOLOv2 hierarchical inference
export { hierarchicalLogMarginals, type HierarchicalInferenceOptions } from './tf/log-marginals';
export { HierarchicalSoftmax, type HierarchicalSoftmaxArgs } from './tf/hierarchical-softmax';
export { leafLogProbs, levelLogProbs, predictAtLevel } from './tf/predict';
export { leafLogitsToLogMarginals } from './tf/subtree';

// Hierarchical cross-entropy
export { hierarchicalCrossEntropy, type HierarchicalCrossEntropyOptions } from './tf/hxe';
