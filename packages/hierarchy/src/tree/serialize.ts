// Writing a hierarchy back out: nested JSON (display names) and parent-child pairs (ids).
import type { NestedNode, NestedTree } from './types';

/** Builds the nested form bottom-up without recursion, so deep trees do not overflow the stack. */
export function toNestedTree(
  names: readonly string[],
  root: number,
  children: (v: number) => number[],
  numLeaves: number,
): NestedTree {
  const order = [root];
  for (let i = 0; i < order.length; i++) for (const c of children(order[i])) order.push(c); // no push(...): wide nodes
  const built = new Map<number, NestedNode>();
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i];
    if (v < numLeaves) built.set(v, names[v]);
    else built.set(v, { [names[v]]: children(v).map((c) => built.get(c) as NestedNode) });
  }
  return built.get(root) as NestedTree;
}

export function toEdgeList(ids: readonly string[], root: number, children: (v: number) => number[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const order = [root];
  for (let i = 0; i < order.length; i++) {
    for (const c of children(order[i])) {
      out.push([ids[order[i]], ids[c]]);
      order.push(c);
    }
  }
  return out;
}
