// A worker process: one benchmark reference on one Node backend. Spec in $MGP_BENCH_JOB, results written to $MGP_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { JOB_ENV, OUT_ENV, PROGRESS_PREFIX, type JobSpec } from './job';
import { activateNodeBackend } from './node-backends';
import { nodeProbe } from './node-probe';
import { describeError } from './run-benchmark';
import { failedJob, runJob } from './run-job';
import { nodeLoader } from './node-registry';
import type { JobOutput } from './types';

async function main(): Promise<void> {
  const spec = JSON.parse(process.env[JOB_ENV] ?? 'null') as JobSpec;
  const outFile = process.env[OUT_ENV];
  if (!spec || !outFile) throw new Error(`worker: ${JOB_ENV} and ${OUT_ENV} must be set`);
  let outputs: JobOutput[];
  let info: Record<string, unknown> | undefined;
  try {
    info = await activateNodeBackend(spec.backend);
  } catch (err) {
    outputs = [failedJob(spec, `backend '${spec.backend}' unavailable: ${describeError(err)}`)];
    writeFileSync(outFile, JSON.stringify(outputs));
    return;
  }
  outputs = await runJob(spec, nodeLoader, info, nodeProbe, (line) => console.log(`${PROGRESS_PREFIX}${line}`));
  writeFileSync(outFile, JSON.stringify(outputs));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
