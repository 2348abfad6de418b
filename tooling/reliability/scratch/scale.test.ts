import { it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
it('scale', () => {
  for (const n of [6250, 12_500, 25_000, 50_000, 100_000]) {
    const leaves = Array.from({ length: n }, (_, i) => `c${i}`);
    let t = Date.now();
    const h = Hierarchy.fromNested({ r: leaves });
    const a = Date.now() - t; t = Date.now();
    Hierarchy.fromEdges(leaves.map((l) => `r ${l}`).join('\n'));
    const b = Date.now() - t; t = Date.now();
    // balanced: 2 levels
    const groups = Array.from({ length: Math.ceil(n / 100) }, (_, g) => ({ [`g${g}`]: leaves.slice(g * 100, g * 100 + 100) }));
    Hierarchy.fromNested({ r: groups });
    const c = Date.now() - t;
    console.log(n, 'flat nested', a, 'flat edges', b, 'balanced nested', c);
  }
});
