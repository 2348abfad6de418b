// The intermediate form every parser produces: named nodes with a parent index each (-1 for a root).
// Children keep the order of the node list.

export interface RawTree {
  /** Display name of each node. */
  names: string[];
  /** Parent of each node, -1 for a root. */
  parents: number[];
  /** The argument the tree came from, for messages ('json', 'map', 'edges', 'paths', 'synsets'). */
  argument: string;
  /** Optional label order the source itself defines (the data file's `leaves`, the order of paths or synsets). */
  defaultLeaves?: { refs: unknown; argument: string };
}

/**
 * Token formats (parent maps, edges) write a node whose name is used elsewhere in the tree as
 * `<parent token><separator><name>` (how `toEdges` writes them). Such a token's display name is `<name>`.
 */
export function displayName(token: string, parentToken: string | null, separator: string): string {
  if (parentToken !== null && token.length > parentToken.length + separator.length && token.startsWith(parentToken + separator)) {
    return token.slice(parentToken.length + separator.length);
  }
  return token;
}
