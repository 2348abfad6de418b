// The whole run: every selected benchmark on every selected backend (Node workers, then Chromium), then the
// other packages' bench scripts.
import { openBrowserHost, BROWSER_BACKENDS, type BrowserHost } from './browser';
import { findExternalFiles, type ExternalFile } from './external';
import { benchmarkSelected } from './filter';
import type { JobSpec } from './job';
import { NODE_BACKENDS, activateNodeBackend } from './node-backends';
import { nodeProbe } from './node-probe';
import { backendExplicit, backendSelected, type BenchOptions } from './options';
import { BENCHMARKS } from '../benchmarks/index';
import { BROWSER_BENCHMARKS } from '../browser/benchmarks';
import { FILE_PREFIX } from './registry';
import { describeError } from './run-benchmark';
import { failedJob, runJob } from './run-job';
import { nodeLoader } from './node-registry';
import { summarizeOutput } from './script-summary';
import { runNode, runWorker, tail, type ChildResult } from './spawn';
import type { Environment, JobOutput } from './types';

const SELFTEST = 'harness-selftest';
/** Benchmarks the Chromium page holds (figure1-epoch reads MNIST from a Node package; src/*.bench.ts modules are Node-only). */
const PAGE_NAMES = new Set(BROWSER_BENCHMARKS.map((b) => b.name));

export interface ScriptRun {
  file: string;
  status: 'ok' | 'failed';
  seconds: number;
  /** The last lines of its output (JSON report). */
  outputTail: string;
  /** What the Markdown report shows: the timing fields of its JSON output, or its last lines. */
  summary: string;
  reason?: string;
}

export interface SuiteOutput {
  jobs: JobOutput[];
  scripts: ScriptRun[];
  notes: string[];
}

interface Target {
  environment: Environment;
  backend: string;
}

function specFor(ref: string, t: Target, o: BenchOptions): JobSpec {
  const id = `${t.environment === 'node' ? 'node' : 'chromium'}:${t.backend}`;
  return {
    benchmark: ref,
    backend: t.backend,
    environment: t.environment,
    quick: o.quick,
    explicitBackend: backendExplicit(o.backends, id),
    filter: o.filter,
    warmup: o.warmup,
    runs: o.runs,
    minRuns: o.minRuns,
    budgetMs: o.budgetMs,
  };
}

export async function runSuite(o: BenchOptions, srcDir: string, log: (line: string) => void, progress?: (partial: SuiteOutput) => void): Promise<SuiteOutput> {
  const notes: string[] = [];
  const external = o.external ? findExternalFiles(srcDir) : [];
  // The harness self-test runs only when --filter names it.
  const builtin = BENCHMARKS.map((b) => b.name).filter((name) =>
    name === SELFTEST ? o.filter.some((p) => SELFTEST.includes(p.toLowerCase().split('/')[0])) : benchmarkSelected(o.filter, name),
  );
  // Module files are always loaded: the benchmark names they hold are filtered inside the worker.
  const refs = [...builtin, ...external.filter((f) => f.kind === 'module').map((f) => `${FILE_PREFIX}${f.file}`)];

  const nodeTargets: Target[] = NODE_BACKENDS.filter((b) => backendSelected(o.backends, `node:${b}`)).map((backend) => ({ environment: 'node', backend }));
  const jobs: JobOutput[] = [];
  const scripts: ScriptRun[] = [];
  const timeoutMs = (o.quick ? 12 : 90) * 60_000;
  const done = (outs: JobOutput[]) => {
    jobs.push(...outs);
    progress?.({ jobs, scripts, notes });
  };
  const anyBackend = new Set(BENCHMARKS.filter((b) => b.anyBackend).map((b) => b.name));
  for (const [n, t] of nodeTargets.entries()) {
    for (const ref of refs) {
      if (anyBackend.has(ref) && n > 0) continue;
      const spec = specFor(ref, t, o);
      done(o.inProcess ? await inProcess(spec, log) : await runWorker(spec, timeoutMs, log));
    }
  }

  const browserTargets: Target[] = o.browser
    ? BROWSER_BACKENDS.filter((b) => backendSelected(o.backends, `chromium:${b}`)).map((backend) => ({ environment: 'browser', backend }))
    : [];
  if (browserTargets.length > 0) {
    const opened = await openBrowserHost();
    if ('reason' in opened) notes.push(`Chromium (${browserTargets.map((t) => t.backend).join(', ')}) not run: ${opened.reason}.`);
    else {
      try {
        for (const t of browserTargets) {
          for (const ref of refs.filter((r) => PAGE_NAMES.has(r))) done(await inBrowser(opened.host, specFor(ref, t, o), timeoutMs, log));
        }
      } finally {
        await opened.host.close();
      }
    }
  }

  for (const f of external.filter((e) => e.kind === 'script')) {
    if (!benchmarkSelected(o.filter, scriptName(f))) continue;
    log(`script ${scriptName(f)}`);
    scripts.push(await runScript(f, o, timeoutMs));
    progress?.({ jobs, scripts, notes });
  }
  return { jobs, scripts, notes };
}

async function inProcess(spec: JobSpec, log: (line: string) => void): Promise<JobOutput[]> {
  let info: Record<string, unknown>;
  try {
    info = await activateNodeBackend(spec.backend);
  } catch (err) {
    return [failedJob(spec, `backend '${spec.backend}' unavailable: ${describeError(err)}`)];
  }
  return runJob(spec, nodeLoader, info, nodeProbe, log);
}

async function inBrowser(host: BrowserHost, spec: JobSpec, timeoutMs: number, log: (line: string) => void): Promise<JobOutput[]> {
  log(`${spec.benchmark} [chromium:${spec.backend}]`);
  return host.run(spec, timeoutMs);
}

/** Scripts whose own options make the short pass (besides --quick, which every script is given). */
const QUICK_SCRIPT_ARGS: Record<string, string[]> = {
  'wasm-training': ['--runs', '3', '--cpu-runs', '1', '--warmup', '1'],
};

export function scriptName(f: ExternalFile): string {
  return f.file.split('/').pop()?.replace(/\.bench\.ts$/, '') ?? f.file;
}

async function runScript(f: ExternalFile, o: BenchOptions, timeoutMs: number): Promise<ScriptRun> {
  const args = o.quick ? ['--quick', ...(QUICK_SCRIPT_ARGS[scriptName(f)] ?? [])] : [];
  const res: ChildResult = await runNode(f.file, args, { timeoutMs, flags: ['--expose-gc'] });
  const ok = res.code === 0 && !res.timedOut;
  return {
    file: f.file,
    status: ok ? 'ok' : 'failed',
    seconds: Math.round(res.ms / 100) / 10,
    outputTail: tail(`${res.stdout}\n${ok ? '' : res.stderr}`, 200),
    summary: summarizeOutput(`${res.stdout}\n${ok ? '' : tail(res.stderr, 10)}`),
    reason: ok ? undefined : res.timedOut ? 'timed out' : `exited with ${res.signal ?? `code ${res.code}`}`,
  };
}
