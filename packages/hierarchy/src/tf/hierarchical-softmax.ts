// HierarchicalSoftmax: a serializable tfjs layer wrapping YOLOv2 hierarchical inference.
import * as tf from '@tensorflow/tfjs-core';
import { layers } from '@tensorflow/tfjs-layers';
import { assertFloat, describeValue } from '@mgp/metrics';
import { fail } from '../tree/fail';
import { Hierarchy } from '../tree/hierarchy';
import type { NodeRef } from '../tree/types';
import { logConditionals, pathSums } from './log-marginals';
import { marginalPlan, type MarginalPlan } from './plans';
import { gatherColumns } from './gather';

type LayerArgs = NonNullable<ConstructorParameters<typeof layers.Layer>[0]>;
type Shape = Array<number | null>;

export interface HierarchicalSoftmaxArgs extends LayerArgs {
  /** The class tree (a Hierarchy, or its `toJSON()`; a saved config holds it hex-encoded). */
  hierarchy: Hierarchy | { tree: unknown; leaves: readonly string[] } | string;
  /** Column order of the input logits: every non-root node once (default `hierarchy.nonRootNodes()`). */
  nodeOrder?: readonly NodeRef[];
  /** 'nodes' (default): log marginals of every non-root node, in `nodeOrder`; 'leaves': leaf log-probs in class order. */
  output?: 'nodes' | 'leaves';
}

const FN = 'HierarchicalSoftmax';

// tfjs-layers rewrites the case of every string in a saved layer config (snake_case on save, camelCase on load),
// which would change node names; the tree therefore travels as hex-encoded UTF-8 JSON, which both leave alone.
function toHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): string {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) fail(FN, 'hierarchy', 'must be a Hierarchy, its toJSON(), or the hex string of a saved config; got a string that is none of these');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return new TextDecoder().decode(bytes);
}

interface SavedTree {
  tree: unknown;
  leaves: string[];
  separator: string;
  nodeOrder: string[];
}

function readHierarchy(args: HierarchicalSoftmaxArgs): { h: Hierarchy; nodeOrder?: readonly NodeRef[] } {
  const given = args.hierarchy;
  if (given instanceof Hierarchy) return { h: given, nodeOrder: args.nodeOrder };
  if (typeof given === 'string') {
    const text = fromHex(given);
    let saved: SavedTree;
    try {
      saved = JSON.parse(text) as SavedTree;
    } catch {
      return fail(FN, 'hierarchy', 'must be the hex string of a saved config; it does not decode to JSON');
    }
    const h = Hierarchy.fromJSON(saved, { separator: saved.separator });
    return { h, nodeOrder: args.nodeOrder ?? saved.nodeOrder };
  }
  if (given !== null && typeof given === 'object') return { h: Hierarchy.fromJSON(given), nodeOrder: args.nodeOrder };
  return fail(FN, 'hierarchy', `must be a Hierarchy or its toJSON(); got ${describeValue(given)}`);
}

/**
 * Takes one logit per non-root node and returns log marginal probabilities: softmax within each sibling group,
 * log conditionals summed along each root → node path. Registered for `model.save` / `tf.loadLayersModel`.
 */
export class HierarchicalSoftmax extends layers.Layer {
  static className = 'HierarchicalSoftmax';

  readonly hierarchy: Hierarchy;
  /** Node index of each input column. */
  readonly nodeOrder: readonly number[];
  /** What the layer returns: 'nodes' or 'leaves'. */
  readonly outputKind: 'nodes' | 'leaves';
  private readonly plan: MarginalPlan;

  constructor(args: HierarchicalSoftmaxArgs) {
    if (args === null || typeof args !== 'object') fail(FN, 'args', `must be an object with a 'hierarchy'; got ${describeValue(args)}`);
    const output = args.output ?? 'nodes';
    if (output !== 'nodes' && output !== 'leaves') fail(FN, 'output', `must be 'nodes' or 'leaves'; got ${describeValue(output)}`);
    const { h, nodeOrder } = readHierarchy(args);
    const order = h.resolveNodeOrder(nodeOrder, FN, 'nodeOrder');
    const { hierarchy: _h, nodeOrder: _n, output: _o, ...layerArgs } = args;
    super(layerArgs);
    this.hierarchy = h;
    this.nodeOrder = Object.freeze(order);
    this.outputKind = output;
    this.plan = marginalPlan(h, order);
  }

  override build(inputShape: Shape | Shape[]): void {
    this.checkShape(inputShape);
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = this.checkShape(inputShape);
    return [shape[0], this.outputKind === 'nodes' ? this.nodeOrder.length : this.hierarchy.numLeaves];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    this.checkShape(x.shape);
    // Checked here, so an int32 input is refused naming this layer's argument rather than an internal helper's.
    assertFloat(FN, 'inputs', x);
    return tf.tidy(() => {
      const marginals = pathSums(logConditionals(x as tf.Tensor2D, this.plan), this.plan);
      if (this.outputKind === 'nodes') return marginals;
      return gatherColumns(marginals, this.plan.columnOf.subarray(0, this.hierarchy.numLeaves));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const h = this.hierarchy;
    const saved: SavedTree = {
      ...h.toJSON(),
      separator: h.separator,
      nodeOrder: this.nodeOrder.map((v) => h.nodes[v]),
    };
    return { ...super.getConfig(), hierarchy: toHex(JSON.stringify(saved)), output: this.outputKind };
  }

  private checkShape(inputShape: Shape | Shape[]): Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    if (shape.length !== 2 || shape[1] !== this.nodeOrder.length) {
      fail(FN, 'inputs', `must have shape [batch, ${this.nodeOrder.length}] (one logit per non-root node); got [${shape.map((d) => (d === null ? 'null' : d)).join(', ')}]`);
    }
    return shape;
  }
}

tf.serialization.registerClass(HierarchicalSoftmax);
