// Binary lifting: the 2^k-th ancestor of every node, so an LCA or a k-th ancestor costs O(log depth)
// without any N×N table (100,000 leaves at depth 12 need 4 rows of N int32).

export class Lifting {
  /** up[k * n + v] is the 2^k-th ancestor of v (the root for steps past it). */
  private readonly up: Int32Array;
  private readonly levels: number;
  private readonly n: number;

  constructor(
    parent: Int32Array,
    private readonly depth: Int32Array,
    maxDepth: number,
  ) {
    const n = parent.length;
    this.n = n;
    this.levels = Math.max(1, Math.ceil(Math.log2(maxDepth + 1)));
    this.up = new Int32Array(this.levels * n);
    for (let v = 0; v < n; v++) this.up[v] = parent[v] < 0 ? v : parent[v];
    for (let k = 1; k < this.levels; k++) {
      const prev = (k - 1) * n;
      const row = k * n;
      for (let v = 0; v < n; v++) this.up[row + v] = this.up[prev + this.up[prev + v]];
    }
  }

  /** The ancestor of v that is `steps` edges above it (the root if steps exceed its depth). */
  ancestor(v: number, steps: number): number {
    let node = v;
    let rest = Math.min(steps, this.depth[v]);
    for (let k = 0; rest > 0; k++, rest >>= 1) {
      if (rest & 1) node = this.up[k * this.n + node];
    }
    return node;
  }

  lca(a: number, b: number): number {
    let x = a;
    let y = b;
    if (this.depth[x] < this.depth[y]) [x, y] = [y, x];
    x = this.ancestor(x, this.depth[x] - this.depth[y]);
    if (x === y) return x;
    for (let k = this.levels - 1; k >= 0; k--) {
      const ux = this.up[k * this.n + x];
      const uy = this.up[k * this.n + y];
      if (ux !== uy) {
        x = ux;
        y = uy;
      }
    }
    return this.up[x];
  }
}
