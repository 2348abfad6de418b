// Fails when a package under packages/ changed since the last release (`changeset version`) and no pending
// changeset in .changeset/ names it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

function releaseBase() {
  const lastRelease = git('log', '-1', '--format=%H', '--', 'packages/*/CHANGELOG.md');
  // Before the first release every package counts as changed: compare with git's empty tree.
  return lastRelease || git('hash-object', '-t', 'tree', '/dev/null');
}

function changedPackages(base) {
  const files = git('diff', '--name-only', base, '--', 'packages/').split('\n').filter(Boolean);
  const dirs = new Set(files.map((f) => f.split('/').slice(0, 2).join('/')));
  const names = [];
  for (const dir of dirs) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (!pkg.private) names.push(pkg.name);
  }
  return names;
}

function namedInChangesets() {
  const named = new Set();
  for (const file of readdirSync('.changeset').filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const text = readFileSync(join('.changeset', file), 'utf8');
    const front = text.match(/^---\n([\s\S]*?)\n---/);
    if (!front) continue;
    for (const line of front[1].split('\n')) {
      const m = line.match(/^\s*["']?(@?[^"':]+)["']?\s*:/);
      if (m) named.add(m[1]);
    }
  }
  return named;
}

const base = releaseBase();
const named = namedInChangesets();
const missing = changedPackages(base).filter((name) => !named.has(name));
if (missing.length) {
  console.error(`check-changesets: changed since ${base.slice(0, 8)} without a changeset: ${missing.join(', ')}`);
  console.error('Add one with `npx -y pnpm@12.4.2 changeset`.');
  process.exit(1);
}
console.log(`check-changesets: every changed package has a changeset (since ${base.slice(0, 8)})`);
