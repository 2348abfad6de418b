// The README's usage examples run as written against the built packages, so they stay true as the API grows.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './packages';

const here = join(repoRoot, 'tooling/package-check');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README usage examples', () => {
  it('has examples for @mgp/core alone, @mgp/hierarchy and a backend adapter', () => {
    const all = examples.join('\n');
    for (const name of ['@mgp/core', '@mgp/hierarchy', '@mgp/backend-']) expect(all).toContain(name);
  });

  it.each(examples.map((code, i) => [i, code] as const))('example %i runs under Node ESM', (i, code) => {
    const dir = join(here, '.readme');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `example-${i}.mjs`);
    // Examples end on a value worth seeing; printing the last declared const proves the code ran to the end.
    const last = [...code.matchAll(/const (\w+) =/g)].pop()?.[1];
    writeFileSync(file, `${code}\nconsole.log('README-EXAMPLE-OK', ${last ? `typeof ${last}` : "''"});\n`);
    const out = execFileSync(process.execPath, [file], { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('README-EXAMPLE-OK');
  });
});
