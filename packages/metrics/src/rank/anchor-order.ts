// Triplets reordered so that those sharing an anchor class are adjacent: a loop over them then reads and writes
// one row of each K×K array at a time (cache-resident) instead of jumping across K² floats at every triplet.
import type { ClassTriplets } from '../random';

/** The same triplets grouped by anchor i, in increasing i, each group in its original order (a counting sort). */
export function groupByAnchor(triplets: ClassTriplets, numClasses: number): ClassTriplets {
  const { i, j, k } = triplets;
  const count = i.length;
  const start = new Int32Array(numClasses + 1);
  for (let t = 0; t < count; t++) start[i[t] + 1]++;
  for (let c = 0; c < numClasses; c++) start[c + 1] += start[c];
  const anchors = new Int32Array(count);
  for (let c = 0; c < numClasses; c++) anchors.fill(c, start[c], start[c + 1]);
  const second = new Int32Array(count);
  const third = new Int32Array(count);
  for (let t = 0; t < count; t++) {
    const at = start[i[t]]++;
    second[at] = j[t];
    third[at] = k[t];
  }
  return { i: anchors, j: second, k: third };
}
