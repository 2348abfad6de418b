// Each package README's TypeScript example, type-stripped, runs under Node ESM against the built packages. Examples
// of adapters whose backend does not exist in Node (webgl) or whose optional peer is not installed here (tfjs-node,
// -node-gpu) must fail with that adapter's BackendUnavailableError message, never with anything else.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './packages';

const here = join(repoRoot, 'tooling/package-check');
const packagesDir = join(repoRoot, 'packages');

/** The packages whose example cannot run in this Node process, and the adapter message it must stop on. */
function expectedFailure(name: string): RegExp | null {
  if (name === 'backend-webgl') return /@mgp\/backend-webgl: /;
  if (name === 'backend-node' || name === 'backend-node-gpu') {
    const peer = name === 'backend-node' ? '@tensorflow/tfjs-node' : '@tensorflow/tfjs-node-gpu';
    return peerInstalled(peer) ? null : new RegExp(`@mgp/${name}: the optional peer ${peer.replace('/', '\\/')} is not installed`);
  }
  return null;
}

function peerInstalled(peer: string): boolean {
  try {
    createRequire(join(packagesDir, 'backend-node', 'package.json')).resolve(peer);
    return true;
  } catch {
    return false;
  }
}

const cases = readdirSync(packagesDir)
  .filter((name) => existsSync(join(packagesDir, name, 'README.md')))
  .map((name) => {
    const readme = readFileSync(join(packagesDir, name, 'README.md'), 'utf8');
    return { name, examples: [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]) };
  });

function run(file: string): { ok: true; out: string } | { ok: false; err: string } {
  try {
    return { ok: true, out: execFileSync(process.execPath, [file], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    return { ok: false, err: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('package README examples', () => {
  it('every package has a README with a TypeScript example', () => {
    const names = readdirSync(packagesDir).filter((name) => existsSync(join(packagesDir, name, 'package.json')));
    expect(cases.map((c) => c.name).sort()).toEqual(names.sort());
    for (const c of cases) expect(c.examples.length, c.name).toBeGreaterThan(0);
  });

  it.each(cases.flatMap((c) => c.examples.map((code, i) => [c.name, i, code] as const)))('%s example %i runs as written', (name, i, code) => {
    const dir = join(here, '.readme');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${i}.mjs`);
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false } }).outputText;
    writeFileSync(file, `${js}\nconsole.log('README-EXAMPLE-OK');\n`);
    const result = run(file);
    const failure = expectedFailure(name);
    if (failure) {
      expect(result.ok, `${name}: expected the adapter's unavailable error`).toBe(false);
      if (!result.ok) expect(result.err).toMatch(failure);
    } else {
      expect(result.ok ? result.out : result.err).toContain('README-EXAMPLE-OK');
    }
  });
});
