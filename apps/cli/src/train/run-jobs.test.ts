import { describe, expect, it } from 'vitest';
import { startBackend } from '../backend';
import { standardize } from '../data/batches';
import { stratifiedSubsample } from '../data/dataset';
import { loadBuiltinHierarchy } from '../data/hierarchy-file';
import { loadMnistDigits } from '../data/mnist';
import { createProgress } from '../progress';
import type { TrainJob } from './jobs';
import { runJobs, workersAvailable } from './run-jobs';
import { SEED_SCHEDULE } from './schedule';

describe('runJobs', () => {
  it('keeps job order, isolates a failing job, and is reproducible from the seeds', async () => {
    await startBackend('wasm');
    const digits = loadMnistDigits();
    const train = standardize(stratifiedSubsample(digits.train, 64, 10, 0), digits.normalization);
    const test = standardize(stratifiedSubsample(digits.test, 50, 10, 1), digits.normalization);
    const { json, D } = loadBuiltinHierarchy('mnist-digits');
    const context = { numClasses: 10, embeddingDim: 2, D, tree: { nested: json.tree, leaves: json.leaves }, lambda: 1, seed: 3, imageSize: 28 };
    const jobs: TrainJob[] = [
      { methodId: 'free', context, title: 'a' },
      { methodId: 'no-such-method', context, title: 'b' },
      { methodId: 'free', context, title: 'c' },
    ];
    const data = { train, test, settings: { schedule: { ...SEED_SCHEDULE, epochs: 2 }, batchSize: 32, momentum: 0.9 } };
    const results = await runJobs(jobs, data, { workers: 2, backend: 'wasm' }, createProgress({ quiet: true }));
    expect(results.map((r) => r.job.title)).toEqual(['a', 'b', 'c']);
    expect('error' in results[1] && results[1].error).toBe("unknown method 'no-such-method'");
    const [a, c] = [results[0], results[2]].map((r) => ('outcome' in r ? r.outcome : null));
    expect(a && c).toBeTruthy();
    // Same method, same seed: the same model, bit for bit.
    expect(Array.from(a!.test.scores)).toEqual(Array.from(c!.test.scores));
    expect(a!.leakedTensors).toBe(0);
    // Nothing accumulates from one epoch to the next.
    const [first, second] = a!.training.tensorsAfterEpoch;
    expect(second).toBe(first);
  });

  it('runs in this thread from TypeScript sources (worker threads need the built dist/worker.js)', () => {
    expect(workersAvailable()).toBe(false);
  });
});
