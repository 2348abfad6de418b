// Workspace fixture: a consumer project that has @mgp/core (and @mgp/metrics) but not @mgp/scatter, run by its own
// vitest in a separate process (a fresh tfjs registry that this package never touched). Its suite is
// consumer.spec.ts, which this package's own vitest run does not pick up.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('../test/fixtures/core-only/', import.meta.url));
const packages = fileURLToPath(new URL('../../', import.meta.url));

function linkWorkspacePackages(): void {
  const scope = join(fixture, 'node_modules', '@mgp');
  rmSync(join(fixture, 'node_modules'), { recursive: true, force: true });
  mkdirSync(scope, { recursive: true });
  for (const name of ['core', 'metrics']) symlinkSync(join(packages, name), join(scope, name), 'dir');
}

describe('@mgp/core installed without @mgp/scatter (workspace fixture test/fixtures/core-only)', () => {
  it('passes its own test suite in a separate process', () => {
    linkWorkspacePackages();
    const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    const run = spawnSync(process.execPath, [vitest, 'run', '--root', fixture], {
      cwd: fixture,
      encoding: 'utf8',
      timeout: 240_000,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', MGP_TEST_BACKEND: '' },
    });
    // eslint-disable-next-line no-control-regex
    const output = `${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
    if (run.status !== 0) console.error(output);
    expect(run.status, output.slice(-4000)).toBe(0);
    expect(output).toMatch(/Tests\s+4 passed/);
  }, 300_000);
});
