import { it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
it('names', () => {
  for (const tree of [
    { r: [{ '#group': ['a', 'b'] }, 'c'] },
    { r: [{ ' padded ': ['a', 'b'] }, 'c'] },
    { r: [{ 'tab\there': ['a', 'b'] }, 'c'] },
    { r: [{ 'x': ['a/b', 'c'] }, 'd'] },
    { '#root': ['a', 'b'] },
  ]) {
    try {
      const h = Hierarchy.fromNested(tree);
      const text = h.toEdgesText();
      let back: string;
      try { back = JSON.stringify(Hierarchy.fromEdges(text, { leaves: h.leaves }).toJSON()); } catch (e) { back = 'ERR ' + (e as Error).message; }
      let back2: string;
      try { back2 = JSON.stringify(Hierarchy.fromEdges(text).toJSON()); } catch (e) { back2 = 'ERR ' + (e as Error).message; }
      console.log(JSON.stringify(tree), '\n  text', JSON.stringify(text), '\n  back', back, '\n  noLeaves', back2, '\n  want', JSON.stringify(h.toJSON()));
    } catch (e) { console.log(JSON.stringify(tree), 'build ERR', (e as Error).message); }
  }
});
