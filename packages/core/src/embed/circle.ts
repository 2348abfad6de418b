// Hyperspherical prototypes in 2-D. There the separation loss (mean over prototypes of the largest cosine to another
// one) has a degenerate minimum that stacks classes on one direction: 6 classes stacked and 4 spread at 72° score
// (6·1 + 4·cos 72°)/10 ≈ 0.72, below all 10 at 36° (cos 36° ≈ 0.81), so SGD on it stacks classes from any seed. The
// arrangement the loss stands for is known on the circle, K directions 360°/K apart; what remains is which class
// goes where, and that follows D: classes take the angular order of an embedding of D, so close classes sit side by side.

/** The classes in the angular order of their points around the centroid (counter-clockwise, from class 0). */
export function angularOrder(points: number[][]): number[] {
  const k = points.length;
  const centre = [0, 1].map((axis) => points.reduce((sum, p) => sum + p[axis], 0) / k);
  const angles = points.map((p) => Math.atan2(p[1] - centre[1], p[0] - centre[0]));
  const order = angles.map((_, c) => c).sort((a, b) => angles[a] - angles[b] || a - b);
  const start = order.indexOf(0);
  return [...order.slice(start), ...order.slice(0, start)];
}

/** K unit vectors 360°/K apart, counter-clockwise from the top: class `order[i]` gets the i-th. */
export function evenCircle(order: number[]): number[][] {
  const k = order.length;
  const points = new Array<number[]>(k);
  order.forEach((c, i) => {
    const angle = Math.PI / 2 + (2 * Math.PI * i) / k;
    points[c] = [Math.cos(angle), Math.sin(angle)];
  });
  return points;
}
