// A class tree in plain JS, for the references: from a child → parent map (root → null).

export interface RefTree {
  root: string;
  parent: Record<string, string | null>;
  children: Map<string, string[]>;
  /** Class order: label i is leaves[i]. */
  leaves: string[];
  /** Indices (into leaves) of the leaves under each node, the node itself included. */
  leavesUnder: Map<string, number[]>;
  /** Leaves 0, a parent 1 + the largest height of its children. */
  height: Map<string, number>;
}

export function refTree(parent: Record<string, string | null>, leaves: string[]): RefTree {
  const children = new Map<string, string[]>();
  let root = '';
  for (const [node, up] of Object.entries(parent)) {
    if (!children.has(node)) children.set(node, []);
    if (up === null) root = node;
    else {
      if (!children.has(up)) children.set(up, []);
      children.get(up)!.push(node);
    }
  }
  const leavesUnder = new Map<string, number[]>();
  const height = new Map<string, number>();
  const visit = (node: string): void => {
    const kids = children.get(node)!;
    kids.forEach(visit);
    leavesUnder.set(node, kids.length === 0 ? [leaves.indexOf(node)] : kids.flatMap((c) => leavesUnder.get(c)!));
    height.set(node, kids.length === 0 ? 0 : 1 + Math.max(...kids.map((c) => height.get(c)!)));
  };
  visit(root);
  return { root, parent, children, leaves, leavesUnder, height };
}

/** The nodes from a leaf up to (not including) the root. */
export function pathToRoot(t: RefTree, leaf: string): string[] {
  const path: string[] = [];
  for (let node: string | null = leaf; node !== null && node !== t.root; node = t.parent[node]) path.push(node);
  return path;
}
