// Each package's dist/ loads under Node's native ESM and CJS loaders, with the same named exports.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from './packages';

const here = fileURLToPath(new URL('..', import.meta.url));

function exportNames(kind: 'esm' | 'cjs', name: string): string[] {
  const script =
    kind === 'esm'
      ? `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).filter(k => k !== 'default' && k !== 'module.exports').sort()))`
      : `const m = require(${JSON.stringify(name)}); console.log(JSON.stringify(Object.keys(m).sort()))`;
  const args = kind === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script];
  const out = execFileSync(process.execPath, args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe.each(publishedPackages())('$name', ({ name, dir }) => {
  it('declares an exports map with types for import and require, and sideEffects', () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const root = pkg.exports['.'];
    expect(root.import.types).toMatch(/\.d\.ts$/);
    expect(root.require.types).toMatch(/\.d\.cts$/);
    for (const file of [root.import.types, root.import.default, root.require.types, root.require.default]) {
      expect(existsSync(join(dir, file)), `${name}: ${file} built`).toBe(true);
    }
    expect(pkg.sideEffects).toBeDefined();
    expect(pkg.peerDependencies['@tensorflow/tfjs-core']).toBe('~4.22.0');
  });

  it('loads from Node ESM and Node CJS with the same exports', () => {
    const esm = exportNames('esm', name);
    const cjs = exportNames('cjs', name);
    expect(esm.length).toBeGreaterThan(0);
    expect(cjs).toEqual(esm);
  });
});
