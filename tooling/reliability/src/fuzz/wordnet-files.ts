// A tiny WordNet 3.0 (data.noun with every synset at its true byte offset, index.noun) for a random tree: the
// files fromWordNet reads, valid, so mutations start from something it accepts.
import type { TreeSpec } from '../properties/random-tree';

export interface WordNetFiles {
  dataNoun: string;
  indexNoun: string;
  /** 'lemma.n.01' of each node, in node order. */
  synsets: string[];
}

const LICENSE = '  1 This software and database is being provided to you, the LICENSEE, by\n';

export function wordNetFiles(tree: TreeSpec): WordNetFiles {
  const lemmas = tree.names.map((_, v) => `w${v}`);
  // Offsets depend on line lengths, which depend on the (8-digit, fixed-width) offsets: one pass suffices.
  const lineOf = (v: number, offsets: number[]) => {
    const pointer = tree.parents[v] >= 0 ? `001 @ ${String(offsets[tree.parents[v]]).padStart(8, '0')} n 0000` : '000';
    return `${String(offsets[v]).padStart(8, '0')} 03 n 01 ${lemmas[v]} 0 ${pointer} | node ${v}`;
  };
  const offsets: number[] = [];
  let position = LICENSE.length;
  const zero = tree.names.map(() => 0);
  for (let v = 0; v < tree.names.length; v++) {
    offsets.push(position);
    position += lineOf(v, zero).length + 1;
  }
  const dataNoun = LICENSE + tree.names.map((_, v) => `${lineOf(v, offsets)}\n`).join('');
  const indexNoun = LICENSE + lemmas.map((l, v) => `${l} n 1 1 @ 1 0 ${String(offsets[v]).padStart(8, '0')}\n`).join('');
  return { dataNoun, indexNoun, synsets: lemmas.map((l) => `${l}.n.01`) };
}
