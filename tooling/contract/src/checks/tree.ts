import { mgpHierarchy, type HierarchyLike } from './api';
import type { Golden } from './types';

/** The golden case's class tree, leaves in class order (label i = leaves[i]). */
export function goldenHierarchy(g: Golden): HierarchyLike {
  return mgpHierarchy.Hierarchy.fromParents(g.tree.parent, { leaves: g.tree.leaves });
}
