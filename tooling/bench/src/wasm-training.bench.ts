// One training step of the seed's Figure-1 CNN (batch 256, 28×28, Adam) on tfjs's wasm backend (with
// @mgp/backend-wasm's training kernels) against tfjs's cpu backend: median of several timed steps after warm-up,
// each backend in its own child process. Prints one JSON object.
//
//   npx tsx tooling/bench/src/wasm-training.bench.ts [--runs 7] [--cpu-runs 3] [--warmup 2] [--batch 256]
//                                                     [--threads 2] [--skip-cpu] [--profile]
//
// --threads N also measures tfjs's threaded-SIMD wasm build in Node with N XNNPACK threads. tfjs 4.22 does not
// allow that in Node (WASM_HAS_MULTITHREAD_SUPPORT is false there, and its pthread workers are Blob URLs Node cannot
// start); this script works around both for the measurement only (see enableNodeThreads). It is an experiment,
// not something @mgp/backend-wasm does.
//
// tsx is a devDependency of @mgp/bench: from the repository root, `npx --prefix tooling/bench tsx …` finds it.
// Needs @mgp/backend-wasm built (dist/), or run with `--conditions=source` through tsx.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface StepTimes {
  backend: string;
  mode: string;
  batch: number;
  warmup: number;
  stepsMs: number[];
  /** CPU time of the process (all threads) per step: less sensitive than wall time to other load on the machine. */
  cpuMsPerStep: number[];
  medianMs: number;
  medianCpuMs: number;
  minMs: number;
  maxMs: number;
  loss: number[];
  info?: Record<string, unknown>;
  topKernels?: Array<{ name: string; ms: number; calls: number }>;
}

const SIZE = 28;

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} needs a non-negative integer; got '${args[i + 1]}'`);
  return v;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Makes tfjs-backend-wasm 4.22 start its threaded-SIMD build in Node, for this process only:
 * - claims multithread support (tfjs answers false for every Node);
 * - gives emscripten a pthread worker file on disk: tfjs hands it a Blob URL, which Node's worker_threads refuse;
 *   inside that worker, the Blob carrying the main script is mapped to the emscripten factory file on disk;
 * - reports 2·N logical cores, because tfjs caps its thread pool at (logical cores / 2).
 */
async function enableNodeThreads(threads: number): Promise<void> {
  const tf = await import('@tensorflow/tfjs-core');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const require = createRequire(import.meta.url);
  const wasmOut = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'wasm-out');
  const factoryFile = join(wasmOut, 'tfjs-backend-wasm-threaded-simd.js');
  const { wasmWorkerContents } = require(join(wasmOut, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string };
  const workerFile = join(mkdtempSync(join(os.tmpdir(), 'tfjs-wasm-threads-')), 'worker.cjs');
  writeFileSync(
    workerFile,
    `URL.createObjectURL = () => ${JSON.stringify(factoryFile)}; URL.revokeObjectURL = () => {};\n` +
      wasmWorkerContents.replace(/\n/g, '\\n'),
  );
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob) => (blob.type === 'application/javascript' ? workerFile : createObjectURL(blob));
  const cpus = os.cpus;
  os.cpus = () => Array.from({ length: 2 * threads }, () => cpus()[0]);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasm.setThreadsCount(threads);
  process.once('beforeExit', () => {
    URL.createObjectURL = createObjectURL;
    os.cpus = cpus;
  });
}

/** Child process: start one backend, train the CNN for warmup + runs steps, print the timings as JSON. */
async function child(mode: string, args: string[]): Promise<void> {
  const batch = argValue(args, '--batch', 256);
  const warmup = argValue(args, '--warmup', 2);
  const runs = argValue(args, '--runs', 7);
  const profile = args.includes('--profile');
  await import('@tensorflow/tfjs'); // gradients, layers, cpu backend
  const tf = await import('@tensorflow/tfjs-core');
  const tfl = await import('@tensorflow/tfjs-layers');

  let info: Record<string, unknown> | undefined;
  if (mode === 'cpu') {
    if (!(await tf.setBackend('cpu'))) throw new Error('cpu backend did not start');
  } else {
    const threads = mode.startsWith('wasm-threads-') ? Number(mode.slice('wasm-threads-'.length)) : 0;
    if (threads > 0) await enableNodeThreads(threads);
    const { useBackend } = await import('@mgp/backend-wasm');
    info = { ...(await useBackend()) };
    if (threads > 0) {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      info.threads = wasm.getThreadsCount();
    }
  }
  await tf.ready();

  // The seed notebook's SimpleCNN, as apps/cli builds it.
  const input = tfl.input({ shape: [SIZE, SIZE, 1] });
  let x = input;
  [16, 16, 32].forEach((filters, i) => {
    x = tfl.layers.conv2d({ filters, kernelSize: 3, padding: 'valid', kernelInitializer: tfl.initializers.glorotUniform({ seed: i }) }).apply(x) as typeof x;
    x = tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x) as typeof x;
    x = tfl.layers.reLU().apply(x) as typeof x;
    if (i < 2) x = tfl.layers.maxPooling2d({ poolSize: 2 }).apply(x) as typeof x;
  });
  x = tfl.layers.globalMaxPooling2d({}).apply(x) as typeof x;
  x = tfl.layers.dense({ units: 64, kernelInitializer: tfl.initializers.glorotUniform({ seed: 10 }) }).apply(x) as typeof x;
  const out = tfl.layers.dense({ units: 2, kernelInitializer: tfl.initializers.glorotUniform({ seed: 11 }) }).apply(x) as typeof x;
  const model = tfl.model({ inputs: input, outputs: out });

  const images = tf.randomUniform([batch, SIZE, SIZE, 1], 0, 1, 'float32', 1);
  const labels = tf.oneHot(tf.tensor1d(Array.from({ length: batch }, (_, i) => i % 10), 'int32'), 10);
  const prototypes = tf.randomNormal([10, 2], 0, 1, 'float32', 2);
  const optimizer = tf.train.adam(1e-3);
  const loss = () =>
    tf.tidy(() => {
      const e = model.apply(images, { training: true }) as import('@tensorflow/tfjs-core').Tensor2D;
      // logits = −‖e − p‖², in matrix form
      const sq = tf.add(
        tf.sub(tf.sum(tf.square(e), 1, true), tf.mul(2, tf.matMul(e, prototypes, false, true))),
        tf.transpose(tf.sum(tf.square(prototypes), 1, true)),
      );
      return tf.losses.softmaxCrossEntropy(labels, tf.neg(sq)) as import('@tensorflow/tfjs-core').Scalar;
    });
  const step = (): number => {
    const value = optimizer.minimize(loss, true)!;
    const v = value.dataSync()[0];
    value.dispose();
    return v;
  };

  const losses: number[] = [];
  for (let i = 0; i < warmup; i++) losses.push(step());
  const stepsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    losses.push(step());
    stepsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const result: StepTimes = {
    backend: tf.getBackend(),
    mode,
    batch,
    warmup,
    stepsMs: stepsMs.map((t) => Math.round(t * 10) / 10),
    cpuMsPerStep: cpuMs.map((t) => Math.round(t * 10) / 10),
    medianMs: Math.round(median(stepsMs) * 10) / 10,
    medianCpuMs: Math.round(median(cpuMs) * 10) / 10,
    minMs: Math.round(Math.min(...stepsMs) * 10) / 10,
    maxMs: Math.round(Math.max(...stepsMs) * 10) / 10,
    loss: losses.map((l) => Math.round(l * 1e4) / 1e4),
    info,
  };
  if (profile) {
    const p = await tf.profile(() => {
      step();
    });
    const byName = new Map<string, { ms: number; calls: number }>();
    for (const k of p.kernels) {
      const e = byName.get(k.name) ?? { ms: 0, calls: 0 };
      e.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      e.calls++;
      byName.set(k.name, e);
    }
    result.topKernels = [...byName.entries()]
      .map(([name, e]) => ({ name, ms: Math.round(e.ms * 10) / 10, calls: e.calls }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
  }
  process.stdout.write(`@@RESULT ${JSON.stringify(result)}\n`);
  // The threaded build's pthread workers keep the event loop alive.
  process.exit(0);
}

function runChild(mode: string, args: string[]): Promise<StepTimes | { mode: string; error: string }> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [...process.execArgv, script, '--child', mode, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@RESULT '));
      if (line) resolve(JSON.parse(line.slice('@@RESULT '.length)));
      else resolve({ mode, error: `exit ${code}: ${(err || out).trim().split('\n').slice(-5).join(' | ')}` });
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const childAt = args.indexOf('--child');
  if (childAt >= 0) return child(args[childAt + 1], args);

  const runs = argValue(args, '--runs', 7);
  const cpuRuns = argValue(args, '--cpu-runs', 3);
  const warmup = argValue(args, '--warmup', 2);
  const batch = argValue(args, '--batch', 256);
  const threads = argValue(args, '--threads', 0);
  const common = ['--batch', String(batch), ...(args.includes('--profile') ? ['--profile'] : [])];

  const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
  const loadBefore = load();
  const wasmArgs = [...common, '--runs', String(runs), '--warmup', String(warmup)];
  const wasm = await runChild('wasm', wasmArgs);
  const threaded = threads > 0 ? await runChild(`wasm-threads-${threads}`, wasmArgs) : undefined;
  // A cpu step takes tens of seconds: one warm-up step is enough there.
  const cpu = args.includes('--skip-cpu') ? undefined : await runChild('cpu', [...common, '--runs', String(cpuRuns), '--warmup', '1']);
  const ms = (r: unknown) => (r && typeof r === 'object' && 'medianMs' in r ? (r as StepTimes).medianMs : undefined);
  const cpuMsOf = (r: unknown) => (r && typeof r === 'object' && 'medianCpuMs' in r ? (r as StepTimes).medianCpuMs : undefined);
  const ratio = (a?: number, b?: number) => (a && b ? Math.round((a / b) * 100) / 100 : undefined);

  const report = {
    benchmark: 'figure-1 CNN, one Adam training step',
    batch,
    image: [SIZE, SIZE, 1],
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: load() },
    results: { wasm, ...(threaded ? { [`wasm-threads-${threads}`]: threaded } : {}), ...(cpu ? { cpu } : {}) },
    ratios: {
      cpuOverWasm: ratio(ms(cpu), ms(wasm)),
      cpuOverWasmByCpuTime: ratio(cpuMsOf(cpu), cpuMsOf(wasm)),
      wasmOverThreaded: ratio(ms(wasm), ms(threaded)),
    },
    note: 'medians of timed steps after warm-up, each backend in a fresh process; the machine may be shared (see load averages)',
  };
  console.log(JSON.stringify(report, null, 2));
}

await main();
