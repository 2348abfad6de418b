// Pairwise tree distances over a node list, filled symmetrically into a row-major Float32Array.

export function distanceMatrixValues(nodes: readonly number[], distance: (a: number, b: number) => number): Float32Array {
  const n = nodes.length;
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = distance(nodes[i], nodes[j]);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}
