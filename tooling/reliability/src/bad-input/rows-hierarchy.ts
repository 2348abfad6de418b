// Bad-input rows for every public function, constructor, factory and method of @mgp/hierarchy.
import * as tf from '@tensorflow/tfjs-core';
import * as h from '@mgp/hierarchy';
import { LABELS5 } from './fixtures';
import { rowsOf, type Row } from './row';

const { Hierarchy } = h;
type T2 = tf.Tensor2D;
const WN = { files: { dataNoun: '00000000 03 n 01 entity 0 000 | root\n', indexNoun: 'entity n 1 0 1 0 00000000\n' } };

/** Invalid trees each factory must refuse: [what, input, argument]. */
const factoryRows = (name: 'fromNested' | 'fromJSON' | 'fromParents' | 'fromEdges' | 'fromPaths', rows: Array<[string, unknown, string, unknown?]>): Row[] =>
  rowsOf(`hierarchy.Hierarchy.${name}`, undefined, rows.map(([what, input, argument, opts]) => ['hierarchy', what, () => (Hierarchy[name] as (i: unknown, o?: unknown) => unknown)(input, opts), argument] as const));

const optionRows = (name: 'fromNested' | 'fromParents' | 'fromEdges' | 'fromPaths', valid: unknown): Row[] =>
  rowsOf(`hierarchy.Hierarchy.${name}`, undefined, [
    ['option', 'options not an object', () => (Hierarchy[name] as (i: unknown, o?: unknown) => unknown)(valid, 7), 'options'],
    ['option', 'an empty separator', () => (Hierarchy[name] as (i: unknown, o?: unknown) => unknown)(valid, { separator: '' }), 'options.separator'],
    ['option', 'implicitRoot a number', () => (Hierarchy[name] as (i: unknown, o?: unknown) => unknown)(valid, { implicitRoot: 3 }), 'options.implicitRoot'],
    ['option', 'leaves naming an internal node', () => (Hierarchy[name] as (i: unknown, o?: unknown) => unknown)(valid, { leaves: ['r', 'a'] }), 'leaves'],
  ]);

export const HIERARCHY_ROWS: Row[] = [
  ...factoryRows('fromNested', [
    ['an empty object', {}, 'json'],
    ['a number', 42, 'json'],
    ['invalid JSON text', '{"r": [', 'json'],
    ['a forest without implicitRoot', { a: ['x'], b: ['y'] }, 'json'],
    ['two siblings with one name', { r: ['x', 'x'] }, 'json'],
    ['an empty child list', { r: [] }, 'json'],
    ['null among the children', { r: ['x', null] }, 'json'],
    ['data-file leaves naming an unknown leaf', { tree: { r: ['a', 'b'] }, leaves: ['a', 'z'] }, 'json.leaves'],
  ]),
  ...optionRows('fromNested', { r: ['a', 'b'] }),
  ...factoryRows('fromJSON', [
    ['an empty array', [], 'json'],
    ['leaves not an array', { tree: { r: ['a'] }, leaves: 'a' }, 'json.leaves'],
  ]),
  ...factoryRows('fromParents', [
    ['a cycle', { r: null, a: 'b', b: 'a', x: 'r' }, 'map'],
    ['a node with two parents', [['r', null], ['a', 'r'], ['a', 'x']], 'map'],
    ['a parent that is a number', { r: null, a: 1 }, 'map'],
    ['only a root', { r: null }, 'map'],
    ['a string', 'r', 'map'],
  ]),
  ...optionRows('fromParents', { a: 'r', b: 'r' }),
  ...factoryRows('fromEdges', [
    ['a line of three fields', 'r a\nr b c', 'edges'],
    ['a pure cycle', 'a b\nb a', 'edges'],
    ['a node with two parents', 'r a\nr b\na c\nb c', 'edges'],
    ['only comments', '# nothing\n', 'edges'],
    ['a pair of one name', [['r']], 'edges'],
    ['a number', 7, 'edges'],
  ]),
  ...optionRows('fromEdges', 'r a\nr b'),
  ...factoryRows('fromPaths', [
    ['an empty segment', ['r//a'], 'paths'],
    ['the same path twice', ['r/a', 'r/a'], 'paths'],
    ['a path ending at an internal node', ['r/a/b', 'r/a'], 'paths'],
    ['not an array', 'r/a', 'paths'],
  ]),
  ...optionRows('fromPaths', ['r/a', 'r/b']),
  ...rowsOf('hierarchy.Hierarchy.fromWordNet', undefined, [
    ['option', 'options null', () => Hierarchy.fromWordNet(['entity.n.01'], null as unknown as object), 'options'],
    ['hierarchy', 'no synsets', () => Hierarchy.fromWordNet([], WN), 'synsets'],
    ['hierarchy', 'a verb synset', () => Hierarchy.fromWordNet(['run.v.01'], WN), 'synsets'],
    ['hierarchy', 'an unknown lemma', () => Hierarchy.fromWordNet(['zebra.n.01'], WN), 'synsets'],
    ['hierarchy', 'a sense that does not exist', () => Hierarchy.fromWordNet(['entity.n.02'], WN), 'synsets'],
    ['option', 'names of the wrong length', () => Hierarchy.fromWordNet(['entity.n.01'], { ...WN, names: ['a', 'b'] }), 'options.names'],
    ['option', 'unknown internalLabels', () => Hierarchy.fromWordNet(['entity.n.01'], { ...WN, internalLabels: 'drop' as 'error' }), 'options.internalLabels'],
    ['option', 'files of the wrong type', () => Hierarchy.fromWordNet(['entity.n.01'], { files: { dataNoun: 1, indexNoun: '' } as unknown as { dataNoun: string; indexNoun: string } }), 'options.files'],
    ['option', 'a folder without WordNet', () => Hierarchy.fromWordNet(['entity.n.01'], { dir: '/nonexistent/wordnet' }), 'options.dir'],
  ]),
  ...(['index', 'id', 'name', 'path', 'isLeaf', 'parent', 'children', 'depth', 'height', 'ancestors', 'subtreeLeaves'] as const).flatMap((method) =>
    rowsOf(`hierarchy.Hierarchy#${method}`, `Hierarchy.${method}`, [
      ['label', 'a node index out of range', (f) => (f.h[method] as (r: unknown) => unknown)(99), 'node'],
      ['hierarchy', 'an unknown name', (f) => (f.h[method] as (r: unknown) => unknown)('zebra'), 'node'],
      ['hierarchy', 'an ambiguous name', (f) => (f.bats[method] as (r: unknown) => unknown)('bat'), 'node'],
      ['type', 'an object', (f) => (f.h[method] as (r: unknown) => unknown)({}), 'node'],
    ]),
  ),
  ...rowsOf('hierarchy.Hierarchy#nodesAtLevel', 'Hierarchy.nodesAtLevel', [
    ['option', 'level -1', (f) => f.h.nodesAtLevel(-1), 'level'],
    ['NaN', 'level NaN', (f) => f.h.nodesAtLevel(Number.NaN), 'level'],
  ]),
  ...rowsOf('hierarchy.Hierarchy#labelsAtLevel', 'Hierarchy.labelsAtLevel', [
    ['label', 'a label out of range', (f) => f.h.labelsAtLevel([0, 4], 1), 'labels'],
    ['NaN', 'a NaN label', (f) => f.h.labelsAtLevel([Number.NaN], 1), 'labels'],
    ['type', 'labels a number', (f) => f.h.labelsAtLevel(3 as unknown as number[], 1), 'labels'],
    ['option', 'level 0.5', (f) => f.h.labelsAtLevel([0], 0.5), 'level'],
  ]),
  ...rowsOf('hierarchy.Hierarchy#lca', 'Hierarchy.lca', [
    ['hierarchy', 'an unknown first node', (f) => f.h.lca('zebra', 'a'), 'a'],
    ['label', 'a second node out of range', (f) => f.h.lca('a', -1), 'b'],
  ]),
  ...rowsOf('hierarchy.Hierarchy#distance', 'Hierarchy.distance', [
    ['hierarchy', 'an unknown node', (f) => f.h.distance('a', 'zebra'), 'b'],
    ['option', 'an unknown kind', (f) => f.h.distance('a', 'b', 'euclid' as 'path'), 'kind'],
  ]),
  ...(['distanceMatrix', 'distanceArray'] as const).flatMap((method) =>
    rowsOf(`hierarchy.Hierarchy#${method}`, `Hierarchy.${method}`, [
      ['option', 'an unknown kind', (f) => f.h[method]({ kind: 'depth' as 'path' }), 'options.kind'],
      ['option', 'an unknown node set', (f) => f.h[method]({ nodes: 'some' as 'all' }), 'options.nodes'],
      ['hierarchy', 'an unknown node in the list', (f) => f.h[method]({ nodes: ['a', 'zebra'] }), 'options.nodes[1]'],
      ['type', 'options null', (f) => f.h[method](null as unknown as object), 'options'],
    ]),
  ),
  ...(['resolveNodeOrder', 'siblingGroups'] as const).flatMap((method) =>
    rowsOf(`hierarchy.Hierarchy#${method}`, `Hierarchy.${method}`, [
      ['shape', 'too few nodes', (f) => f.h[method](['a']), 'nodeOrder'],
      ['hierarchy', 'the root in the list', (f) => f.h[method](['r', 'a', 'b', 'c', 'd', 'x']), 'nodeOrder'],
      ['hierarchy', 'a node twice', (f) => f.h[method](['a', 'a', 'b', 'c', 'd', 'x']), 'nodeOrder'],
      ['type', 'not an array', (f) => f.h[method]('a' as unknown as string[]), 'nodeOrder'],
    ]),
  ),
  ...rowsOf('hierarchy.Hierarchy#pathMatrix', 'Hierarchy.pathMatrix', [
    ['label', 'a column node out of range', (f) => f.h.pathMatrix({ nodes: [42] }), 'nodes[0]'],
    ['option', 'an unknown column set', (f) => f.h.pathMatrix({ nodes: 'some' as 'all' }), 'nodes'],
  ]),
  ...(['hierarchicalLogMarginals', 'leafLogProbs', 'levelLogProbs', 'predictAtLevel', 'leafLogitsToLogMarginals'] as const).flatMap((name) => {
    const leafInput = name === 'leafLogitsToLogMarginals';
    const arg = { hierarchicalLogMarginals: 'edgeLogits', leafLogProbs: 'logMarginals', levelLogProbs: 'logMarginals', predictAtLevel: 'logMarginals', leafLogitsToLogMarginals: 'logits' }[name];
    const call = (x: unknown, tree: unknown, opts?: unknown) =>
      name === 'levelLogProbs' || name === 'predictAtLevel'
        ? (h[name] as (x: unknown, t: unknown, l: number, o?: unknown) => unknown)(x, tree, 1, opts)
        : (h[name] as (x: unknown, t: unknown, o?: unknown) => unknown)(x, tree, opts);
    return rowsOf(`hierarchy.${name}`, undefined, [
      ['hierarchy', 'not a Hierarchy', (f) => call(leafInput ? f.logits : f.edges, { tree: {} }), 'h'],
      ['type', 'input not a tensor', (f) => call([[0, 0]], f.h), arg],
      ['rank', 'input of rank 3', (f) => call(f.rank3, f.h), arg],
      ['dtype', 'int32 input', (f) => call(leafInput ? f.logitsInt : f.edgesInt, f.h), arg],
      ['mismatched K', 'the wrong number of columns', (f) => call(leafInput ? f.edges : f.logits, f.h), arg],
      ['empty', 'no rows', (f) => call(f.empty, f.h), arg],
      ['hierarchy', 'a nodeOrder naming an unknown node', (f) => call(leafInput ? f.logits : f.edges, f.h, { nodeOrder: ['a', 'b', 'c', 'd', 'x', 'zebra'] }), 'options.nodeOrder[5]'],
      ['option', 'options a number', (f) => call(leafInput ? f.logits : f.edges, f.h, 5), 'options'],
    ]);
  }),
  ...(['levelLogProbs', 'predictAtLevel'] as const).flatMap((name) =>
    rowsOf(`hierarchy.${name}`, undefined, [
      ['option', 'level 0', (f) => h[name](f.edges, f.h, 0), 'level'],
      ['NaN', 'level NaN', (f) => h[name](f.edges, f.h, Number.NaN), 'level'],
    ]),
  ),
  ...rowsOf('hierarchy.hierarchicalCrossEntropy', undefined, [
    ['hierarchy', 'not a Hierarchy', (f) => h.hierarchicalCrossEntropy(f.logits, LABELS5, {} as h.Hierarchy), 'h'],
    ['type', 'logits not a tensor', (f) => h.hierarchicalCrossEntropy([[0, 0, 0, 0]] as unknown as T2, [0], f.h), 'logits'],
    ['dtype', 'int32 logits', (f) => h.hierarchicalCrossEntropy(f.logitsInt, LABELS5, f.h), 'logits'],
    ['mismatched K', 'logits of 3 leaves for a 4-leaf tree', (f) => h.hierarchicalCrossEntropy(f.logits3, LABELS5, f.h), 'logits'],
    ['label', 'a label out of range', (f) => h.hierarchicalCrossEntropy(f.logits, [0, 1, 2, 3, 4], f.h), 'labels'],
    ['NaN', 'a NaN label', (f) => h.hierarchicalCrossEntropy(f.logits, [0, 1, 2, 3, Number.NaN], f.h), 'labels'],
    ['shape', 'labels of the wrong length', (f) => h.hierarchicalCrossEntropy(f.logits, [0, 1], f.h), 'labels'],
    ['NaN', 'alpha NaN', (f) => h.hierarchicalCrossEntropy(f.logits, LABELS5, f.h, { alpha: Number.NaN }), 'options.alpha'],
    ['option', 'negative focalGamma', (f) => h.hierarchicalCrossEntropy(f.logits, LABELS5, f.h, { focalGamma: -1 }), 'options.focalGamma'],
    ['option', 'unknown reduction', (f) => h.hierarchicalCrossEntropy(f.logits, LABELS5, f.h, { reduction: 'max' as 'sum' }), 'options.reduction'],
    ['shape', 'classWeights of 2', (f) => h.hierarchicalCrossEntropy(f.logits, LABELS5, f.h, { classWeights: [1, 1] }), 'options.classWeights'],
    ['NaN', 'a NaN class weight', (f) => h.hierarchicalCrossEntropy(f.logits, LABELS5, f.h, { classWeights: [1, 1, Number.NaN, 1] }), 'options.classWeights'],
  ]),
  ...rowsOf('hierarchy.HierarchicalSoftmax', undefined, [
    ['type', 'no arguments object', () => new h.HierarchicalSoftmax(null as unknown as h.HierarchicalSoftmaxArgs), 'args'],
    ['hierarchy', 'hierarchy a number', () => new h.HierarchicalSoftmax({ hierarchy: 3 as unknown as string }), 'hierarchy'],
    ['hierarchy', 'hierarchy a damaged saved string', () => new h.HierarchicalSoftmax({ hierarchy: 'zz' }), 'hierarchy'],
    ['hierarchy', 'a nodeOrder with the root', (f) => new h.HierarchicalSoftmax({ hierarchy: f.h, nodeOrder: ['r', 'a', 'b', 'c', 'd', 'x'] }), 'nodeOrder'],
    ['option', 'unknown output', (f) => new h.HierarchicalSoftmax({ hierarchy: f.h, output: 'probs' as 'nodes' }), 'output'],
  ]),
  ...rowsOf('hierarchy.HierarchicalSoftmax', 'Hierarchy.fromJSON', [
    ['hierarchy', 'an invalid tree as toJSON() (refused by the tree reader it calls)', () => new h.HierarchicalSoftmax({ hierarchy: { tree: { r: [] }, leaves: [] } }), 'json.tree'],
  ]),
  ...rowsOf('hierarchy.HierarchicalSoftmax#build', 'HierarchicalSoftmax', [
    ['mismatched K', 'inputs of the wrong width', (f) => new h.HierarchicalSoftmax({ hierarchy: f.h }).apply(f.symbolic([4])), 'inputs'],
  ]),
  ...rowsOf('hierarchy.HierarchicalSoftmax#call', 'HierarchicalSoftmax', [
    ['mismatched K', 'inputs of the wrong width', (f) => f.hsoftmax.apply(f.logits), 'inputs'],
    ['rank', 'inputs of rank 3', (f) => f.hsoftmax.apply(f.rank3), 'inputs'],
  ]),
  ...rowsOf('hierarchy.HierarchicalSoftmax#call', 'HierarchicalSoftmax', [['dtype', 'int32 inputs', (f) => f.hsoftmax.apply(f.edgesInt), 'inputs']]),
  ...rowsOf('hierarchy.HierarchicalSoftmax#computeOutputShape', 'HierarchicalSoftmax', [
    ['shape', 'an input shape of the wrong width', (f) => f.hsoftmax.computeOutputShape([null, 3]), 'inputs'],
  ]),
];
