// The headless-Chromium page (built by @mgp/browser-harness): exposes runBenchJob, which starts the asked
// backend, runs the job and returns plain JSON.
import '@tensorflow/tfjs'; // gradients, chained ops, tf.layers; also registers webgl
import * as tf from '@tensorflow/tfjs-core';
import { exposeTests, wasmBaseUrl } from '@mgp/browser-harness/page';
import type { JobSpec } from '../harness/job';
import { listLoader } from '../harness/registry';
import { failedJob, runJob } from '../harness/run-job';
import type { JobOutput } from '../harness/types';
import { BROWSER_BENCHMARKS } from './benchmarks';

async function activate(name: string): Promise<Record<string, unknown>> {
  if (name === 'wasm') return { ...(await (await import('@mgp/backend-wasm')).useBackend({ wasmPaths: wasmBaseUrl() })) };
  if (!(await tf.setBackend(name))) throw new Error(`backend '${name}' did not start`);
  await tf.ready();
  return { name: tf.getBackend(), tfjsVersion: tf.version_core, userAgent: navigator.userAgent };
}

export async function runBenchJob(spec: JobSpec): Promise<JobOutput[]> {
  let info: Record<string, unknown>;
  try {
    info = await activate(spec.backend);
  } catch (err) {
    return [failedJob(spec, `backend '${spec.backend}' unavailable in Chromium: ${String(err).split('\n')[0]}`)];
  }
  return JSON.parse(JSON.stringify(await runJob(spec, listLoader(BROWSER_BENCHMARKS), info))) as JobOutput[];
}

exposeTests({ runBenchJob: (args) => runBenchJob(args as JobSpec) });
