import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { Hierarchy } from './hierarchy';

/** A parser may return a Hierarchy or throw MgpInputError — nothing else. */
function settles(call: () => unknown): boolean {
  try {
    return call() instanceof Hierarchy;
  } catch (e) {
    if (e instanceof MgpInputError) return true;
    throw e;
  }
}

const names = fc.constantFrom('a', 'b', 'c', 'root', 'a/b', '', ' ', 'x y', '#', '\t');
const nested: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, names, fc.dictionary(names, fc.array(tie('node'), { maxLength: 4 }), { maxKeys: 3 }), fc.anything()),
})).node;

describe('parser fuzzing: random and malformed inputs give a tree or an MgpInputError', () => {
  it('fromNested / fromJSON on random values and random JSON text', () => {
    fc.assert(fc.property(nested, (v) => settles(() => Hierarchy.fromNested(v)) && settles(() => Hierarchy.fromNested(v, { implicitRoot: true }))), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), (text) => settles(() => Hierarchy.fromJSON(text))), { numRuns: 200 });
  });

  it('fromEdges on random text and random pair lists', () => {
    const line = fc.tuple(names, fc.constantFrom(' ', '\t', '  ', ''), names).map(([a, s, b]) => `${a}${s}${b}`);
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), (lines) => settles(() => Hierarchy.fromEdges(lines.join('\n')))), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.tuple(names, names), { maxLength: 12 }), (pairs) => settles(() => Hierarchy.fromEdges(pairs, { implicitRoot: true }))), { numRuns: 300 });
    fc.assert(fc.property(fc.anything(), (v) => settles(() => Hierarchy.fromEdges(v as string))), { numRuns: 200 });
  });

  it('fromParents and fromPaths on random maps and paths', () => {
    fc.assert(fc.property(fc.dictionary(names, fc.option(names)), (map) => settles(() => Hierarchy.fromParents(map))), { numRuns: 300 });
    fc.assert(fc.property(fc.array(fc.array(names, { maxLength: 5 }), { maxLength: 8 }), (paths) => settles(() => Hierarchy.fromPaths(paths))), { numRuns: 300 });
    fc.assert(fc.property(fc.anything(), (v) => settles(() => Hierarchy.fromParents(v as Record<string, string>)) && settles(() => Hierarchy.fromPaths(v as string[]))), { numRuns: 200 });
  });

  it('fromWordNet on random data.noun / index.noun text', async () => {
    const wnLine = fc.array(fc.constantFrom('00000000', '00000040', 'n', '01', '02', 'cat', '@', '@i', '|', '000', '001', 'x'), { maxLength: 14 }).map((t) => t.join(' '));
    await fc.assert(
      fc.asyncProperty(fc.array(wnLine, { maxLength: 5 }), fc.array(wnLine, { maxLength: 5 }), fc.constantFrom('cat.n.01', '00000000', 'n00000040', 'cat.n.02'), async (data, index, synset) => {
        const outcome = await Hierarchy.fromWordNet([synset], { files: { dataNoun: data.join('\n'), indexNoun: index.join('\n') } }).then(
          (h) => h instanceof Hierarchy,
          (e: unknown) => e instanceof MgpInputError,
        );
        expect(outcome).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
