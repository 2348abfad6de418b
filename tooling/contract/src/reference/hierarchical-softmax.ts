// YOLOv2 hierarchical softmax in float64: log marginals of every non-root node from one logit per node, and the
// negative log-likelihood of the true leaves with its gradient with respect to the logits.
import { type RefTree, pathToRoot } from './tree';

/** log p(node) for each column (nodeOrder) and each row of edge logits. */
export function logMarginals(t: RefTree, nodeOrder: string[], logits: number[][]): number[][] {
  const column = new Map(nodeOrder.map((n, i) => [n, i]));
  return logits.map((row) => {
    const logCond = new Map<string, number>();
    for (const [parent, kids] of t.children) {
      if (kids.length === 0) continue;
      const z = kids.map((c) => row[column.get(c)!]);
      const max = Math.max(...z);
      const lse = max + Math.log(z.reduce((a, v) => a + Math.exp(v - max), 0));
      kids.forEach((c, i) => logCond.set(c, z[i] - lse));
      void parent;
    }
    return nodeOrder.map((n) => {
      let sum = 0;
      for (let node: string | null = n; node !== null && node !== t.root; node = t.parent[node]) sum += logCond.get(node)!;
      return sum;
    });
  });
}

/** mean_n −log p(leaf y_n), and its gradient [B, E]: for each sibling group on the path, softmax − 1[on path]. */
export function leafNll(t: RefTree, nodeOrder: string[], logits: number[][], labels: number[]): { loss: number; grad: number[][] } {
  const column = new Map(nodeOrder.map((n, i) => [n, i]));
  const marginals = logMarginals(t, nodeOrder, logits);
  const b = logits.length;
  let loss = 0;
  const grad = logits.map((row, n) => {
    const g = row.map(() => 0);
    const leaf = t.leaves[labels[n]];
    loss -= marginals[n][column.get(leaf)!];
    for (const node of pathToRoot(t, leaf)) {
      const kids = t.children.get(t.parent[node]!)!;
      const z = kids.map((c) => row[column.get(c)!]);
      const max = Math.max(...z);
      const total = z.reduce((a, v) => a + Math.exp(v - max), 0);
      kids.forEach((c, i) => {
        g[column.get(c)!] += (Math.exp(z[i] - max) / total - (c === node ? 1 : 0)) / b;
      });
    }
    return g;
  });
  return { loss: loss / b, grad };
}
