import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/node-backend';
import { RunningMeans } from './running-means';

beforeAll(useCpuBackend);

/** The update written out in plain JS: p_c ← (n_c·p_c + mean_batch_c)/(n_c + 1) for the classes in the batch. */
function reference(means: number[][], counts: number[], embeddings: number[][], labels: number[]): void {
  means.forEach((p, c) => {
    const rows = embeddings.filter((_, i) => labels[i] === c);
    if (rows.length === 0) return;
    const mean = p.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    means[c] = p.map((v, j) => (counts[c] * v + mean[j]) / (counts[c] + 1));
    counts[c] += 1;
  });
}

describe('RunningMeans (DeepNCM)', () => {
  it('matches the running-mean update written in plain JS over several batches, classes missing included', () => {
    const variable = tf.variable(tf.tensor2d([[1, 2], [3, 4], [5, 6]]), false) as tf.Variable<tf.Rank.R2>;
    const means = new RunningMeans(variable);
    const expected = [[1, 2], [3, 4], [5, 6]];
    const counts = [0, 0, 0];
    const batches: [number[][], number[]][] = [
      [[[0, 1], [2, 3], [4, -1]], [0, 0, 2]],
      [[[1, 1], [-2, 5]], [2, 1]],
      [[[7, 7], [1, 0], [3, 3], [0, 0]], [0, 2, 0, 1]],
    ];
    for (const [rows, labels] of batches) {
      const x = tf.tensor2d(rows);
      means.update(x, Int32Array.from(labels));
      x.dispose();
      reference(expected, counts, rows, labels);
    }
    const got = variable.arraySync();
    expected.flat().forEach((v, i) => expect(got.flat()[i]).toBeCloseTo(v, 5));
    expect(Array.from(means.counts)).toEqual(counts);
    variable.dispose();
  });
});
