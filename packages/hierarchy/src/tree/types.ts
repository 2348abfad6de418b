// Public types shared by the tree constructors and accessors.

/** A node given by its index (leaves first: label i is node i) or by its id, name or a '/'-path suffix. */
export type NodeRef = number | string;

/** The nested-JSON tree form: a leaf is a string; an internal node is `{ name: children }`. */
export type NestedNode = string | { [name: string]: NestedNode[] };

/** A nested tree with its root: `{ "root": [{ "animal": ["cat", "dog"] }, "plant"] }`. */
export type NestedTree = { [root: string]: NestedNode[] };

/** The shape of the data files (`{ tree, leaves }`); `Hierarchy.fromNested` reads it back. */
export interface HierarchyJSON {
  tree: NestedTree;
  leaves: string[];
}

/** Options every constructor takes. */
export interface HierarchyOptions {
  /** The class order: label i is `leaves[i]` (ids, names or path suffixes of the tree's leaves). */
  leaves?: readonly string[];
  /**
   * Accept a forest by adding a root above its roots: `true` names it 'root', a string names it.
   * Without it, several roots are an error.
   */
  implicitRoot?: boolean | string;
  /** Separator of path ids and path references (default '/'). */
  separator?: string;
}

/** Distance between two nodes: edges on the tree path, or height of the lowest common ancestor (0 for a node and itself). */
export type DistanceKind = 'path' | 'lcaHeight';

export interface DistanceMatrixOptions {
  /** 'path' (default) or 'lcaHeight'. */
  kind?: DistanceKind;
  /** 'leaves' (default, class order), 'all' (leaves in class order, then internal nodes breadth-first), or a node list. */
  nodes?: 'leaves' | 'all' | readonly NodeRef[];
}
