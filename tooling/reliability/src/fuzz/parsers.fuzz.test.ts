// Fuzzing the hierarchy parsers with damaged versions of valid files (@mgp/hierarchy's own fuzz draws tokens at
// random; these start from real serializations, so they reach deep into each parser): nested JSON text, edges
// text, parent maps, paths and WordNet's data.noun / index.noun. Each input must give a consistent tree or an
// MgpInputError — no other exception — within the hang guard; both outcomes must occur.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Hierarchy } from '@mgp/hierarchy';
import { RICH_NAMES, arbitraryTree } from '../properties/random-tree';
import { applyAll, mutations } from './mutate';
import { HANG_GUARD_MS, settle, settleAsync, type Settled } from './settle';
import { wordNetFiles } from './wordnet-files';

const tree = arbitraryTree({ maxNodes: 20, pool: RICH_NAMES });

function tally(results: Settled[]): Record<string, number> {
  return { trees: results.filter((r) => r.outcome === 'tree').length, refused: results.filter((r) => r.outcome === 'refused').length, slowestMs: Math.round(Math.max(...results.map((r) => r.ms))) };
}

function expectBothOutcomes(name: string, results: Settled[]): void {
  const t = tally(results);
  console.info(`fuzz ${name}: ${results.length} inputs, ${t.trees} trees, ${t.refused} refused, slowest ${t.slowestMs} ms`);
  expect(t.trees, 'some damaged inputs still parse').toBeGreaterThan(0);
  expect(t.refused, 'some damaged inputs are refused').toBeGreaterThan(0);
  expect(t.slowestMs, 'hang guard').toBeLessThan(HANG_GUARD_MS);
}

/** Serializations of a valid tree, one per text format, and the parser that reads each back. */
const FORMATS: Array<[string, (h: Hierarchy) => string, (text: string) => Hierarchy]> = [
  ['nested JSON text (fromJSON)', (h) => JSON.stringify(h.toJSON(), null, 1), (t) => Hierarchy.fromJSON(t)],
  ['nested JSON text with implicitRoot (fromNested)', (h) => JSON.stringify(h.toNested()), (t) => Hierarchy.fromNested(t, { implicitRoot: true })],
  ['edges text (fromEdges)', (h) => h.toEdgesText(), (t) => Hierarchy.fromEdges(t)],
  ['space-separated edges with comments (fromEdges)', (h) => `# is-a\n${h.toEdges().map(([p, c]) => `${p.replace(/\s/g, '_')} ${c.replace(/\s/g, '_')}`).join('\n')}\n`, (t) => Hierarchy.fromEdges(t, { implicitRoot: 'top' })],
  ['a parents map as JSON (fromParents)', (h) => JSON.stringify(Object.fromEntries(h.toEdges().map(([p, c]) => [c, p]))), (t) => Hierarchy.fromParents(JSON.parse(t))],
  ['paths, one a line (fromPaths)', (h) => h.leaves.map((l) => h.path(l).join('/')).join('\n'), (t) => Hierarchy.fromPaths(t.split('\n'))],
];

describe('fuzzing the parsers with damaged files', () => {
  it.each(FORMATS)('%s: a consistent tree or an MgpInputError, never another error or a hang', (name, write, read) => {
    const results: Settled[] = [];
    fc.assert(
      fc.property(tree, mutations, ({ nested }, ms) => {
        const text = applyAll(write(Hierarchy.fromNested(nested)), ms);
        results.push(
          settle(() => {
            if (name.startsWith('a parents map')) {
              let parsed: unknown;
              try {
                parsed = JSON.parse(text);
              } catch {
                return Hierarchy.fromParents([]); // unparseable JSON text is the caller's problem: count as refused
              }
              return Hierarchy.fromParents(parsed as Record<string, string>);
            }
            return read(text);
          }),
        );
      }),
      { numRuns: 250, seed: 51 },
    );
    expectBothOutcomes(name, results);
  });

  it('WordNet data.noun / index.noun (fromWordNet): a consistent tree or an MgpInputError, never another error or a hang', async () => {
    const results: Settled[] = [];
    await fc.assert(
      fc.asyncProperty(tree, mutations, fc.constantFrom('data' as const, 'index' as const, 'both' as const), fc.nat(), async (spec, ms, which, pick) => {
        const files = wordNetFiles(spec);
        const dataNoun = which === 'index' ? files.dataNoun : applyAll(files.dataNoun, ms);
        const indexNoun = which === 'data' ? files.indexNoun : applyAll(files.indexNoun, ms);
        const leaves = spec.names.map((_, v) => v).filter((v) => !spec.parents.includes(v));
        const synsets = [files.synsets[leaves[pick % leaves.length]], files.synsets[leaves[(pick + 1) % leaves.length]]].filter((s, i, a) => a.indexOf(s) === i);
        results.push(await settleAsync(() => Hierarchy.fromWordNet(synsets, { files: { dataNoun, indexNoun } })));
      }),
      { numRuns: 250, seed: 52 },
    );
    expectBothOutcomes('WordNet files', results);
  });

  describe('WordNet hypernym pointers gone wrong', () => {
    const spec = { parents: [-1, 0, 1, 2], names: ['a', 'b', 'c', 'd'], nested: {}, paths: [] };
    const files = wordNetFiles(spec);
    const offsets = [...files.dataNoun.matchAll(/^(\d{8}) /gm)].map((m) => m[1]);
    /** data.noun with synset `from`'s hypernym pointer changed to `to`. */
    const repoint = (from: number, to: string) => files.dataNoun.replace(new RegExp(`^(${offsets[from]} .*@ )\\d{8}`, 'm'), `$1${to}`);
    const load = (dataNoun: string) => settleAsync(() => Hierarchy.fromWordNet(['w3.n.01'], { files: { dataNoun, indexNoun: files.indexNoun } }));

    it('dangling and mid-line offsets are refused', async () => {
      for (const dataNoun of [repoint(2, '99999999'), repoint(2, String(Number(offsets[2]) + 3).padStart(8, '0'))]) {
        expect((await load(dataNoun)).outcome).toBe('refused');
      }
    });

    it.each([
      ['a synset that is its own hypernym', 1, 1],
      ['a hypernym cycle w1 → w3 → w2 → w1', 1, 3],
    ])('%s is refused by fromWordNet with an MgpInputError', async (_, from, to) => {
      expect((await load(repoint(from, offsets[to]))).outcome).toBe('refused');
    });
  });
});
