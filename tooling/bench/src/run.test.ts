// Smoke test: `pnpm bench --quick` on the tiny self-test benchmark, cpu only, writes a report with the expected keys.
// No timed assertion: only the shape and the arithmetic of what is written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'mgp-bench-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('pnpm bench --quick (harness self-test, cpu)', () => {
  it('writes JSON with every comparison as a ratio of two figures of the same run, and a Markdown table', () => {
    const tsx = join(pkg, 'node_modules/.bin/tsx');
    const args = ['--conditions=source', 'src/run.ts', '--quick', '--filter', 'harness-selftest', '--backend', 'cpu', '--no-browser', '--no-external', '--out', out];
    const res = spawnSync(tsx, args, { cwd: pkg, encoding: 'utf8', timeout: 150_000 });
    expect(res.status, res.stderr).toBe(0);

    const report = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['schema', 'startedAt', 'finishedAt', 'machine', 'options', 'backends', 'comparisons', 'cases', 'skipped', 'notes', 'scripts']),
    );
    expect(report.options.quick).toBe(true);
    expect(report.backends.map((b: { backend: string }) => b.backend)).toEqual(['cpu']);

    expect(report.cases.map((c: { case: string }) => c.case).sort()).toEqual(['matmul/n=32', 'matmul/n=64']);
    for (const c of report.cases) {
      expect(c).toMatchObject({ benchmark: 'harness-selftest', backend: 'cpu', environment: 'node', status: 'ok' });
      expect(c.samplesMs.length).toBeGreaterThanOrEqual(1);
      expect(c.samplesMs.length).toBeLessThanOrEqual(report.options.runs);
      expect(c.medianMs).toBeGreaterThan(0);
      // The input and the product are both alive at the high-water mark: 2·n² float32.
      expect(c.peakTensorBytes).toBeGreaterThanOrEqual(2 * c.params.n * c.params.n * 4);
    }
    const byId = Object.fromEntries(report.cases.map((c: { case: string; medianMs: number }) => [c.case, c.medianMs]));
    const vsCase = report.comparisons.find((r: { reference: string }) => r.reference === 'matmul/n=32');
    expect(vsCase).toMatchObject({ case: 'matmul/n=64', metric: 'time', backend: 'cpu' });
    expect(vsCase.value).toBe(byId['matmul/n=64']);
    expect(vsCase.referenceValue).toBe(byId['matmul/n=32']);
    expect(vsCase.ratio).toBeCloseTo(byId['matmul/n=64'] / byId['matmul/n=32'], 10);
    const vsBudget = report.comparisons.find((r: { reference: string }) => r.reference === '1 s budget');
    expect(vsBudget.referenceValue).toBe(1000);
    expect(vsBudget.ratio).toBeCloseTo(byId['matmul/n=64'] / 1000, 10);
    expect(['met', 'missed']).toContain(vsBudget.verdict);

    const md = readFileSync(join(out, 'latest.md'), 'utf8');
    expect(md).toContain('| benchmark | case | reference | backend |');
    expect(md).toContain('| harness-selftest | matmul/n=64 | matmul/n=32 | cpu | time |');
  });
});
