// Hierarchical cross-entropy (Bertinetto et al.) over leaf logits in float64, with its gradient:
// loss_n = Σ_{C on the path root → y_n} −exp(−α·h(C))·log(p(C)/p(parent C)), p(C) = softmax mass of leaves under C.
import { type RefTree, pathToRoot } from './tree';

export function hxe(t: RefTree, logits: number[][], labels: number[], alpha: number): { loss: number; grad: number[][] } {
  const b = logits.length;
  let loss = 0;
  const grad = logits.map((row, n) => {
    const max = Math.max(...row);
    const exps = row.map((v) => Math.exp(v - max));
    const total = exps.reduce((a, v) => a + v, 0);
    const s = exps.map((v) => v / total);
    const mass = (node: string) => t.leavesUnder.get(node)!.reduce((a, j) => a + s[j], 0);
    const g = row.map(() => 0);
    for (const node of pathToRoot(t, t.leaves[labels[n]])) {
      const up = t.parent[node]!;
      const w = Math.exp(-alpha * t.height.get(node)!);
      const [pNode, pUp] = [mass(node), up === t.root ? 1 : mass(up)];
      loss -= w * Math.log(pNode / pUp);
      // ∂ log p(C)/∂z_j = 1[j ∈ C]·s_j/p(C) − s_j; the −s_j terms of C and its parent cancel.
      for (const j of t.leavesUnder.get(node)!) g[j] -= (w * s[j]) / pNode / b;
      for (const j of t.leavesUnder.get(up)!) g[j] += (w * s[j]) / pUp / b;
    }
    return g;
  });
  return { loss: loss / b, grad };
}
