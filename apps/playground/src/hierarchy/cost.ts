// The class cost matrix D the page trains and evaluates with: the seed's visual digit tree, |i − j|, or the user's tree.
import { Hierarchy, type NestedTree } from '@mgp/hierarchy';
import { MgpInputError } from '@mgp/metrics';
import visualDigits from './mnist-digits-hierarchy.json';

export type CostChoice = 'visual' | 'absolute' | 'user';

export interface ClassCost {
  choice: CostChoice;
  /** Shown in the page. */
  label: string;
  /** K×K, label order. */
  D: number[][];
  /** The tree behind D, when there is one (|i − j| has none). */
  tree: Hierarchy | null;
}

/** The seed's visual digit tree as data: `{ tree, leaves }`. */
export const VISUAL_DIGIT_TREE: { tree: NestedTree; leaves: string[] } = visualDigits as unknown as { tree: NestedTree; leaves: string[] };

/** D[i][j] = |i − j| (the seed's MNIST_D_absolute), for any number of classes. */
export function absoluteCost(k: number): number[][] {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => Math.abs(i - j)));
}

/** A tree from JSON text in the shape of the data files (`{ tree, leaves }`) or a bare nested tree, leaves in class order. */
export function parseUserHierarchy(text: string, classNames: readonly string[]): Hierarchy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MgpInputError('Hierarchy JSON', 'text', `must be valid JSON; ${(error as Error).message}`);
  }
  return Hierarchy.fromNested(json, { leaves: classNames });
}

/** D for a choice; throws MgpInputError when the tree does not fit the classes. */
export function classCost(choice: CostChoice, classNames: readonly string[], userText: string | null): ClassCost {
  if (choice === 'absolute') {
    return { choice, label: '|i − j|', D: absoluteCost(classNames.length), tree: null };
  }
  if (choice === 'visual') {
    const tree = Hierarchy.fromNested(VISUAL_DIGIT_TREE, { leaves: classNames });
    return { choice, label: "the seed's visual digit tree", D: tree.distanceMatrix({ kind: 'path' }), tree };
  }
  if (userText === null || userText.trim() === '') {
    throw new MgpInputError('Hierarchy JSON', 'text', 'must be given (paste it or load a file) to use your own hierarchy');
  }
  const tree = parseUserHierarchy(userText, classNames);
  return { choice, label: 'your hierarchy', D: tree.distanceMatrix({ kind: 'path' }), tree };
}
