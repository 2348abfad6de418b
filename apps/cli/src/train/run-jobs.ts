import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BackendName } from '../backend';
import { CliError } from '../errors';
import type { ImageSet } from '../data/dataset';
import type { Progress, ProgressTask } from '../progress';
import { runMethodChecked } from './experiment';
import type { JobData, JobResult, MainMessage, TrainJob, WorkerMessage } from './jobs';
import { methodById } from './methods';

/** Default worker count: one per core, no more than there are jobs. */
export function defaultWorkers(jobs: number): number {
  return Math.max(1, Math.min(availableParallelism(), jobs));
}

/**
 * Trains the jobs, in this thread (`workers` ≤ 1) or in worker threads that each run their own backend. Each
 * job is seeded on its own, so the results do not depend on the number of workers. Results keep job order;
 * a job that fails is reported, not thrown, so that long runs keep what the others produced.
 */
export async function runJobs(
  jobs: TrainJob[],
  data: JobData,
  options: { workers: number; backend: BackendName },
  progress: Progress,
): Promise<JobResult[]> {
  // Worker threads need the built script (dist/worker.js); from TypeScript sources (tests) jobs run here.
  if (options.workers <= 1 || jobs.length <= 1 || !workersAvailable()) {
    const results: JobResult[] = [];
    for (const job of jobs) {
      try {
        results.push({ job, outcome: await runMethodChecked(methodById(job.methodId), job.context, data, data.settings, progress, job.title) });
      } catch (error) {
        results.push({ job, error: (error as Error).message });
      }
    }
    return results;
  }
  return runInWorkers(jobs, shareData(data), Math.min(options.workers, jobs.length), options.backend, progress);
}

/** Copies the images into SharedArrayBuffers once, so workers read them without a copy each. */
function shareData(data: JobData): JobData {
  const share = (set: ImageSet): ImageSet => {
    const images = new Float32Array(new SharedArrayBuffer(set.images.byteLength));
    images.set(set.images);
    const labels = new Int32Array(new SharedArrayBuffer(set.labels.byteLength));
    labels.set(set.labels);
    return { ...set, images, labels };
  };
  return { ...data, train: share(data.train), test: share(data.test) };
}

/** The worker script, dist/worker.js, next to the bundled CLI. */
function workerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/** Whether this code runs from the bundle (with its worker script), not from TypeScript sources. */
export function workersAvailable(): boolean {
  return !import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(workerUrl()));
}

function runInWorkers(jobs: TrainJob[], data: JobData, count: number, backend: BackendName, progress: Progress): Promise<JobResult[]> {
  return new Promise((resolvePromise, reject) => {
    const results: (JobResult | undefined)[] = new Array(jobs.length);
    const tasks = new Map<number, ProgressTask>();
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const stopAll = () => workers.forEach((w) => void w.terminate());
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(error);
    };
    const give = (worker: Worker) => {
      if (next >= jobs.length) {
        worker.postMessage({ type: 'stop' } satisfies MainMessage);
        return;
      }
      const index = next++;
      worker.postMessage({ type: 'job', index, job: jobs[index] } satisfies MainMessage);
    };
    const settle = (index: number, result: JobResult, worker: Worker) => {
      results[index] = result;
      finished++;
      if (finished === jobs.length) {
        stopAll();
        resolvePromise(results as JobResult[]);
      } else give(worker);
    };
    for (let w = 0; w < count; w++) {
      const worker = new Worker(fileURLToPath(workerUrl()), { workerData: { backend, data } });
      workers.push(worker);
      worker.on('message', (m: WorkerMessage) => {
        switch (m.type) {
          case 'ready':
            if (w === 0) progress.log(`backend: ${m.backend} × ${count} workers`);
            give(worker);
            break;
          case 'task-start':
            tasks.set(m.index, progress.task(m.title, m.total));
            break;
          case 'task-update':
            tasks.get(m.index)?.update(m.value, m.detail);
            break;
          case 'task-done':
            tasks.get(m.index)?.done(m.summary);
            tasks.delete(m.index);
            break;
          case 'result':
            settle(m.index, { job: jobs[m.index], outcome: m.outcome }, worker);
            break;
          case 'failed':
            tasks.get(m.index)?.done(`failed: ${m.error}`);
            tasks.delete(m.index);
            settle(m.index, { job: jobs[m.index], error: m.error }, worker);
            break;
          case 'fatal':
            fail(new CliError(m.error, 1));
            break;
        }
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0 && finished < jobs.length) fail(new Error(`a training worker exited with code ${code}`));
      });
    }
  });
}
