import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_METHODS } from '../train/methods';
import { runBench, type BenchOptions } from './bench';
import { captureIo } from './test-io';

const base = (out: string): BenchOptions => ({
  dataset: 'mnist-digits',
  methods: ALL_METHODS.map((m) => m.id),
  dims: [2, 4],
  decisions: ['argmax', 'bayes'],
  k: [1, 3],
  lambda: 1,
  lr: 0.1,
  backend: 'wasm',
  seed: 0,
  seeds: 2,
  epochs: 1,
  batchSize: 64,
  out,
  json: true,
  quiet: true,
  trainSize: 128,
  testSize: 100,
  workers: 1,
});

describe('mgp bench (1 epoch on a subsample of the digits)', () => {
  it('runs every method for every size and seed, and decides each model by argmax and by least expected cost', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mgp-bench-'));
    const io = captureIo();
    await runBench(base(out), io); // throws if any run failed
    const json = JSON.parse(io.out());
    expect(json.runs).toHaveLength(ALL_METHODS.length * 2 * 2 * 2);
    expect(json.leakedTensors).toBe(0);
    // Mean ± spread over the 2 seeds for each (method, size, decision).
    expect(json.summary).toHaveLength(ALL_METHODS.length * 2 * 2);
    for (const group of json.summary) {
      expect(group.seeds).toEqual([0, 1]);
      for (const key of ['errorRate', 'averageCost', 'mistakeSeverity', 'hdist@1', 'hdist@3']) expect(group.stats[key].n).toBe(2);
    }
    // hdist@1 is the average cost of the top prediction, for either decision rule.
    for (const run of json.runs) expect(run.hdistAtK['1']).toBeCloseTo(run.averageCost, 5);
    const markdown = readFileSync(join(out, 'bench.md'), 'utf8');
    expect(markdown).toContain('## Lower average cost than cross-entropy');
    expect(markdown).toContain('least cost');
  });

  it('says how to install Fashion-MNIST when it is missing', async () => {
    const io = captureIo();
    await expect(runBench({ ...base('/tmp/unused'), dataset: 'fashion-mnist', dataDir: '/nonexistent' }, io)).rejects.toThrow(
      /apt-get install dataset-fashion-mnist/,
    );
  });
});
