import { it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
it('wide', () => {
  for (const n of [50_000, 130_000, 300_000]) {
    const leaves = Array.from({ length: n }, (_, i) => `c${i}`);
    for (const [name, make] of [
      ['nested', () => Hierarchy.fromNested({ r: leaves })],
      ['edges', () => Hierarchy.fromEdges(leaves.map((l) => `r ${l}`).join('\n'))],
      ['paths', () => Hierarchy.fromPaths(leaves.map((l) => `r/${l}`))],
    ] as const) {
      const t = Date.now();
      try { const h = make(); h.toNested(); console.log(n, name, 'ok', h.numLeaves, Date.now() - t, 'ms'); }
      catch (e) { console.log(n, name, 'ERR', (e as Error).name, (e as Error).message.slice(0, 100), Date.now() - t, 'ms'); }
    }
  }
  // deep chain
  for (const depth of [10_000, 100_000]) {
    const t = Date.now();
    try {
      const lines = Array.from({ length: depth }, (_, i) => `n${i} n${i + 1}`).join('\n') + `\nn0 other`;
      const h = Hierarchy.fromEdges(lines);
      const d = h.distance(`n${depth}`, 'other');
      const nested = h.toNested();
      console.log('deep', depth, 'ok', d, Date.now() - t, 'ms');
      const h2 = Hierarchy.fromNested(nested);
      console.log('deep renest ok', h2.numNodes, Date.now() - t);
      h.distanceMatrix(); h.pathMatrix(); h.ancestorTable;
      console.log('deep all ok', Date.now() - t);
    } catch (e) { console.log('deep', depth, 'ERR', (e as Error).name, (e as Error).message.slice(0, 100), Date.now() - t); }
  }
});
