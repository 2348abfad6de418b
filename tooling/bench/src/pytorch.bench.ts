// The seed's own runtime, measured on this machine where PyTorch is installed: its broadcast prototype head and
// distortion (tooling/pytorch-reference/seed_forms.py) and a figure-1 training epoch (figure1_epoch.py). Another
// runtime than tfjs, so these are printed beside the harness's table, never compared inside it.
//
//   cd tooling/bench && npx tsx src/pytorch.bench.ts [--quick]
//
// Without PyTorch it says so and exits 0 (CI does not install it: apt-get install python3-torch).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const scripts = fileURLToPath(new URL('../../pytorch-reference/', import.meta.url));

function pythonWithTorch(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

function runJson(python: string, script: string, args: string[]): Record<string, unknown> {
  const run = spawnSync(python, [`${scripts}${script}`, ...args], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const ms = (seconds: unknown) => (typeof seconds === 'number' ? Math.round(seconds * 10000) / 10 : seconds);

const python = pythonWithTorch();
if (python === null) {
  console.log('PyTorch: not installed (apt-get install python3-torch), so the seed-runtime figures were not measured.');
  console.log(JSON.stringify({ mode: 'PyTorch not installed' }, null, 2));
} else {
  const forms = runJson(python, 'seed_forms.py', quick ? ['--quick'] : []) as {
    runtime: string;
    head: Record<string, Record<string, number>>;
    distortion: Record<string, Record<string, number | string>>;
  };
  const epoch = runJson(python, 'figure1_epoch.py', ['--epochs', quick ? '2' : '3']) as {
    methods: Record<string, { median_epoch_seconds: number }>;
  };
  const summary: Record<string, unknown> = { mode: `${forms.runtime}: another runtime, not tfjs` };
  console.log(`Seed's runtime, ${forms.runtime}; medians. Not comparable cell by cell with tfjs: a reference only.`);
  for (const [k, t] of Object.entries(forms.head)) {
    console.log(`prototype head fwd+bwd ${k} (B 256, d 512): seed broadcast ${ms(t.seed_broadcast)} ms, x·Pᵀ ${ms(t.matmul)} ms, nn.Linear ${ms(t.linear)} ms`);
    summary[`head ${k}`] = { broadcastMs: ms(t.seed_broadcast), matmulMs: ms(t.matmul), linearMs: ms(t.linear), ratioBroadcastOverMatmul: t.seed_broadcast / t.matmul };
  }
  for (const [k, t] of Object.entries(forms.distortion)) {
    console.log(`distortion loss fwd+bwd ${k} (d 128): seed broadcast ${ms(t.seed_broadcast)} ms, P·Pᵀ ${ms(t.matmul)} ms`);
    summary[`distortion ${k}`] = { broadcastMs: ms(t.seed_broadcast), matmulMs: ms(t.matmul) };
  }
  for (const [method, t] of Object.entries(epoch.methods)) {
    console.log(`figure-1 epoch (7,996 digits, batch 256), ${method}: ${t.median_epoch_seconds.toFixed(2)} s`);
    summary[`figure1 epoch ${method}`] = { medianEpochMs: Math.round(t.median_epoch_seconds * 1000) };
  }
  console.log(JSON.stringify(summary, null, 2));
}
