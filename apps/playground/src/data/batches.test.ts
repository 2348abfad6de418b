import { describe, expect, it } from 'vitest';
import { BatchSampler } from './batches';

describe('BatchSampler', () => {
  it('visits every row once per epoch, in an order fixed by the seed', () => {
    const labels = Int32Array.from({ length: 10 }, (_, i) => i % 3);
    const sampler = new BatchSampler(labels, 4, 7);
    const epoch = [...sampler.next().indices, ...sampler.next().indices, ...sampler.next().indices.slice(0, 2)];
    expect([...epoch].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const again = new BatchSampler(labels, 4, 7).next();
    const other = new BatchSampler(labels, 4, 8).next();
    expect(Array.from(again.indices)).toEqual(epoch.slice(0, 4));
    expect(Array.from(other.indices)).not.toEqual(epoch.slice(0, 4));
    expect(Array.from(again.labels)).toEqual(Array.from(again.indices, (i) => i % 3));
  });
});
