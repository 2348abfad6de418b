// The built command end to end (dist/bin.js and its worker script): exit codes, and the worker-thread path that
// tests from sources cannot take. Skipped, with the reason printed, when the build is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist', 'bin.js');
const mgp = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 600_000 });

function buildProblem(): string | null {
  if (!existsSync(bin) || !existsSync(join(root, 'dist', 'worker.js'))) return 'dist/ is not built (pnpm build)';
  const probe = mgp('--version');
  if (probe.status !== 0) {
    const reason = (probe.stderr || '').split('\n').find((l) => /Error|Cannot/.test(l)) ?? `exit ${probe.status}`;
    return `dist/bin.js does not start (${reason.trim()}): build the @mgp packages (pnpm build)`;
  }
  return null;
}
const problem = buildProblem();
if (problem) console.warn(`bin.test.ts skipped: ${problem}`);

describe.skipIf(problem !== null)('dist/bin.js', () => {
  it('exits 0 on --help and 2 on usage errors or bad input, with a one-line message', () => {
    expect(mgp('figure1', '--help').status).toBe(0);
    const usage = mgp('figure1', '--epochs', 'x');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("argument 'x' is invalid");
    const missing = mgp('distances', '--hierarchy', '/nonexistent.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('mgp: Hierarchy file not found: /nonexistent.json\n');
  });

  it('trains in two worker threads and gives the same numbers as one thread', () => {
    const run = (workers: number) => {
      const out = mkdtempSync(join(tmpdir(), `mgp-bin-${workers}-`));
      const result = mgp('figure1', '--methods', 'xe,free,guided', '--epochs', '1', '--train-size', '256', '--test-size', '100', '--batch-size', '64', '--workers', String(workers), '--out', out, '--quiet');
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(readFileSync(join(out, 'figure1.json'), 'utf8'));
    };
    const one = run(1);
    const two = run(2);
    expect(two.settings.workers).toBe(2);
    const numbers = (r: { runs: { errorRate: number; averageCost: number; prototypes: number[][] }[] }) =>
      r.runs.map((x) => [x.errorRate, x.averageCost, x.prototypes]);
    expect(numbers(two)).toEqual(numbers(one));
  });
});
