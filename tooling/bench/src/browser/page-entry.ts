// Runs in the headless-Chromium page: starts the asked backend, runs the job, returns plain JSON.
import '@tensorflow/tfjs'; // also registers webgl
import * as tf from '@tensorflow/tfjs-core';
import type { JobSpec } from '../harness/job';
import { failedJob, runJob } from '../harness/run-job';
import type { JobOutput } from '../harness/types';

async function activate(name: string): Promise<Record<string, unknown>> {
  if (name === 'wasm') return { ...(await (await import('@mgp/backend-wasm')).useBackend()) };
  if (!(await tf.setBackend(name))) throw new Error(`backend '${name}' did not start`);
  await tf.ready();
  return { name: tf.getBackend(), tfjsVersion: tf.version_core };
}

export async function runBenchJob(spec: JobSpec): Promise<JobOutput[]> {
  let info: Record<string, unknown>;
  try {
    info = await activate(spec.backend);
  } catch (err) {
    return [failedJob(spec, `backend '${spec.backend}' unavailable in Chromium: ${String(err).split('\n')[0]}`)];
  }
  return JSON.parse(JSON.stringify(await runJob(spec, info))) as JobOutput[];
}
