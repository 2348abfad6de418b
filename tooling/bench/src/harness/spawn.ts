// Runs a worker (or any script) as a child Node process with this process's loader flags (tsx, --conditions).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOB_ENV, OUT_ENV, PROGRESS_PREFIX, type JobSpec } from './job';
import { failedJob } from './run-job';
import type { JobOutput } from './types';

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node <execArgv> [extra flags] file args`, echoing lines for which `echo` says so. */
export function runNode(
  file: string,
  args: string[],
  { env = {}, timeoutMs, flags = [], echo }: { env?: Record<string, string>; timeoutMs: number; flags?: string[]; echo?: (line: string) => void },
): Promise<ChildResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...process.execArgv, ...flags, file, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stdout += text;
      if (!echo) return;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      lines.forEach(echo);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL'); // this child only, by its own handle
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (echo && pending) echo(pending);
      resolve({ code, signal, timedOut, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** One job in a fresh worker process; a crash (out of memory, abort) becomes a job with the reason. */
export async function runWorker(spec: JobSpec, timeoutMs: number, log: (line: string) => void): Promise<JobOutput[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mgp-bench-'));
  const outFile = join(dir, 'out.json');
  try {
    const res = await runNode(WORKER, [], {
      env: { [JOB_ENV]: JSON.stringify(spec), [OUT_ENV]: outFile },
      flags: ['--expose-gc'],
      timeoutMs,
      echo: (line) => {
        if (line.startsWith(PROGRESS_PREFIX)) log(line.slice(PROGRESS_PREFIX.length));
      },
    });
    try {
      return JSON.parse(readFileSync(outFile, 'utf8')) as JobOutput[];
    } catch {
      const why = res.timedOut
        ? `timed out after ${Math.round(timeoutMs / 1000)} s`
        : `worker exited with ${res.signal ?? `code ${res.code}`}: ${tail(res.stderr, 3).replace(/\s+/g, ' ').slice(0, 400)}`;
      return [failedJob(spec, why)];
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
