// Every validation error of the tfjs functions, with the message it must give. The inputs a case makes are
// recorded in `madeInputs`, so a test can check that nothing else was created.
import * as tf from '@tensorflow/tfjs-core';
import { Hierarchy } from '../tree/hierarchy';
import { hierarchicalCrossEntropy, type HierarchicalCrossEntropyOptions } from './hxe';
import { hierarchicalLogMarginals } from './log-marginals';
import { leafLogProbs, levelLogProbs, predictAtLevel } from './predict';
import { leafLogitsToLogMarginals } from './subtree';

// 4 leaves (a b c d), 6 non-root nodes.
const h = Hierarchy.fromNested({ r: [{ x: ['a', 'b'] }, { y: ['c', 'd'] }] });
/** Tensors the cases made as inputs (the test disposes them). */
export const madeInputs: tf.Tensor[] = [];
const input = <T extends tf.Tensor>(t: T): T => {
  madeInputs.push(t);
  return t;
};
const logits = () => input(tf.zeros([3, 4]) as tf.Tensor2D);
const edges = () => input(tf.zeros([3, 6]) as tf.Tensor2D);
const hxe = (opts: HierarchicalCrossEntropyOptions, labels: unknown = [0, 1, 2], l: () => tf.Tensor2D = logits) =>
  hierarchicalCrossEntropy(l(), labels as number[], h, opts);

export const tfErrorCases: Array<[string, () => unknown, string]> = [
  ['hxe: hierarchy', () => hierarchicalCrossEntropy(logits(), [0], {} as Hierarchy), "hierarchicalCrossEntropy: argument 'h' must be a Hierarchy (Hierarchy.fromNested, fromParents, …); got a value of type object"],
  ['hxe: logits not a tensor', () => hierarchicalCrossEntropy([[0, 0, 0, 0]] as unknown as tf.Tensor2D, [0], h), "hierarchicalCrossEntropy: argument 'logits' must be a tf.Tensor; got an array of shape [1, 4]"],
  ['hxe: logits rank', () => hxe({}, [0], () => input(tf.zeros([4])) as unknown as tf.Tensor2D), "hierarchicalCrossEntropy: argument 'logits' must have rank 2; got a float32 tensor of shape [4]"],
  ['hxe: logits width', () => hxe({}, [0, 1, 2], () => input(tf.zeros([3, 5]) as tf.Tensor2D)), "hierarchicalCrossEntropy: argument 'logits' must have 4 columns (one logit per leaf of the hierarchy); got shape [3, 5]"],
  ['hxe: logits dtype', () => hxe({}, [0, 1, 2], () => input(tf.zeros([3, 4], 'int32') as tf.Tensor2D)), "hierarchicalCrossEntropy: argument 'logits' must be float32; got a int32 tensor of shape [3, 4]"],
  ['hxe: empty batch', () => hxe({}, [], () => input(tf.zeros([0, 4]) as tf.Tensor2D)), "hierarchicalCrossEntropy: argument 'logits' must not be empty; got shape [0, 4]"],
  ['hxe: label out of range', () => hxe({}, [0, 4, 1]), "hierarchicalCrossEntropy: argument 'labels' must hold labels in [0, 3]; got 4 at index 1"],
  ['hxe: label not an integer', () => hxe({}, [0, 1.5, 1]), "hierarchicalCrossEntropy: argument 'labels' must hold integer class labels; got 1.5 at index 1"],
  ['hxe: labels length', () => hxe({}, [0, 1]), "hierarchicalCrossEntropy: argument 'labels' must have shape [3]; got an array of shape [2]"],
  ['hxe: labels type', () => hxe({}, 'abc'), "hierarchicalCrossEntropy: argument 'labels' must be a tensor or an array of integer class labels; got the string \"abc\""],
  ['hxe: alpha', () => hxe({ alpha: -1 }), "hierarchicalCrossEntropy: argument 'options.alpha' must be a finite number >= 0; got the number -1"],
  ['hxe: alpha NaN', () => hxe({ alpha: Number.NaN }), "hierarchicalCrossEntropy: argument 'options.alpha' must be a finite number >= 0; got the number NaN"],
  ['hxe: focalGamma', () => hxe({ focalGamma: -0.5 }), "hierarchicalCrossEntropy: argument 'options.focalGamma' must be a finite number >= 0; got the number -0.5"],
  ['hxe: reduction', () => hxe({ reduction: 'avg' as 'mean' }), "hierarchicalCrossEntropy: argument 'options.reduction' must be one of 'mean', 'sum', 'none'; got the string \"avg\""],
  ['hxe: ignoreIndex', () => hxe({ ignoreIndex: 0.5 }), "hierarchicalCrossEntropy: argument 'options.ignoreIndex' must be an integer; got the number 0.5"],
  ['hxe: classWeights length', () => hxe({ classWeights: [1, 1] }), "hierarchicalCrossEntropy: argument 'options.classWeights' must hold one weight per class (4); got 2"],
  ['hxe: classWeights negative', () => hxe({ classWeights: [1, -1, 1, 1] }), "hierarchicalCrossEntropy: argument 'options.classWeights' must hold finite weights >= 0; got the number -1 at index 1"],
  ['hxe: classWeights type', () => hxe({ classWeights: 'heavy' as unknown as number[] }), "hierarchicalCrossEntropy: argument 'options.classWeights' must be an array of 4 weights; got the string \"heavy\""],
  ['hxe: options type', () => hierarchicalCrossEntropy(logits(), [0, 1, 2], h, 5 as unknown as HierarchicalCrossEntropyOptions), "hierarchicalCrossEntropy: argument 'options' must be an object; got the number 5"],
  ['marginals: width', () => hierarchicalLogMarginals(logits(), h), "hierarchicalLogMarginals: argument 'edgeLogits' must have 6 columns (one logit per non-root node); got shape [3, 4]"],
  ['marginals: disposed', () => { const e = edges(); e.dispose(); return hierarchicalLogMarginals(e, h); }, "hierarchicalLogMarginals: argument 'edgeLogits' is a disposed tensor"],
  ['marginals: nodeOrder unknown', () => hierarchicalLogMarginals(edges(), h, { nodeOrder: ['a', 'b', 'c', 'd', 'x', 'z'] }), "hierarchicalLogMarginals: argument 'options.nodeOrder[5]' must name a node of the hierarchy; got 'z'"],
  ['marginals: nodeOrder with root', () => hierarchicalLogMarginals(edges(), h, { nodeOrder: ['a', 'b', 'c', 'd', 'x', 'r'] }), "hierarchicalLogMarginals: argument 'options.nodeOrder' must not include the root 'r' (index 5); it has no logit"],
  ['marginals: hierarchy', () => hierarchicalLogMarginals(edges(), null as unknown as Hierarchy), "hierarchicalLogMarginals: argument 'h' must be a Hierarchy (Hierarchy.fromNested, fromParents, …); got null"],
  ['leafLogProbs: width', () => leafLogProbs(logits(), h), "leafLogProbs: argument 'logMarginals' must have 6 columns (one column per non-root node); got shape [3, 4]"],
  ['levelLogProbs: level', () => levelLogProbs(edges(), h, 0), "levelLogProbs: argument 'level' must be an integer >= 1 (1 is the root's children; 2 or more gives the leaves); got the number 0"],
  ['predictAtLevel: level', () => predictAtLevel(edges(), h, 1.5), "predictAtLevel: argument 'level' must be an integer >= 1 (1 is the root's children; 2 or more gives the leaves); got the number 1.5"],
  ['leafLogitsToLogMarginals: width', () => leafLogitsToLogMarginals(edges(), h), "leafLogitsToLogMarginals: argument 'logits' must have 4 columns (one logit per leaf of the hierarchy); got shape [3, 6]"],
];
