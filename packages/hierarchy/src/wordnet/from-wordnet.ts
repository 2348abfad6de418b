// The hypernym tree over given noun synsets, read from WordNet 3.0's own files.
//
// Choice: each synset's parent is its FIRST hypernym as data.noun lists it (an instance hypernym when it has
// no ordinary one). That is a function of the synset alone, so the union of the first-hypernym paths of the
// requested synsets is always a tree (rooted at entity.n.01) and the result never depends on the order or
// the set of requested synsets. Other hypernyms (WordNet is a DAG) are ignored.
import { describeValue } from '@mgp/metrics';
import { fail } from '../tree/fail';
import { Hierarchy } from '../tree/hierarchy';
import type { RawTree } from '../tree/raw';
import type { HierarchyOptions } from '../tree/types';
import { WordNetNouns } from './nouns';

export interface WordNetOptions extends HierarchyOptions {
  /** Folder with data.noun and index.noun (default '/usr/share/wordnet', Debian's wordnet-base). */
  dir?: string;
  /** The files' contents, for environments without a file system (then `dir` is not read). */
  files?: { dataNoun: Uint8Array | string; indexNoun: string };
  /** Leaf names, one per synset (default: the synset names such as 'dog.n.01'). */
  names?: readonly string[];
  /**
   * A requested synset that is an ancestor of another requested one (shirt.n.01 above jersey.n.03):
   * 'leafChild' (default) keeps the synset as an internal node and hangs the class below it as a leaf (named
   * like the class; the internal node is then renamed 'whale.n.02:group' if the names would clash);
   * 'error' refuses it.
   */
  internalLabels?: 'leafChild' | 'error';
}

const FN = 'Hierarchy.fromWordNet';
/** Suffix of a requested synset's internal node when its class leaf below it takes the synset's own name. */
const GROUP_SUFFIX = ':group';
const ENTITY_MAX_DEPTH = 100; // WordNet 3.0 noun paths are at most ~20 long; guards against a corrupt file

let cached: { dir: string; nouns: Promise<WordNetNouns> } | null = null;

async function readNouns(dir: string): Promise<WordNetNouns> {
  const { readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const read = async (file: string) => {
    try {
      return await readFile(join(dir, file));
    } catch (e) {
      return fail(FN, 'options.dir', `must be a folder with WordNet 3.0's data.noun and index.noun (Debian's wordnet-base installs /usr/share/wordnet); cannot read ${join(dir, file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  };
  // Both files are read at once; when both are missing the error names data.noun, not whichever failed first.
  const [data, index] = await Promise.allSettled([read('data.noun'), read('index.noun')]);
  if (data.status === 'rejected') throw data.reason;
  if (index.status === 'rejected') throw index.reason;
  const bytes = data.value;
  return new WordNetNouns(FN, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), index.value.toString('utf8'));
}

function loadNouns(opts: WordNetOptions): Promise<WordNetNouns> {
  if (opts.files) {
    const { dataNoun, indexNoun } = opts.files;
    if ((typeof dataNoun !== 'string' && !(dataNoun instanceof Uint8Array)) || typeof indexNoun !== 'string') {
      fail(FN, 'options.files', `must be { dataNoun: Uint8Array | string, indexNoun: string }; got ${describeValue(opts.files)}`);
    }
    const data = typeof dataNoun === 'string' ? new TextEncoder().encode(dataNoun) : dataNoun;
    return Promise.resolve(new WordNetNouns(FN, data, indexNoun));
  }
  const dir = opts.dir ?? '/usr/share/wordnet';
  if (typeof dir !== 'string' || dir === '') fail(FN, 'options.dir', `must be a folder path; got ${describeValue(dir)}`);
  if (cached === null || cached.dir !== dir) {
    const nouns = readNouns(dir);
    cached = { dir, nouns };
    nouns.catch(() => (cached = null));
  }
  return cached.nouns;
}

/** Resolves 'dog.n.01', 'n02084071', '02084071' or 2084071 to a data.noun offset. */
function resolveSynset(nouns: WordNetNouns, spec: unknown, i: number): number {
  if (typeof spec === 'number') return nouns.checked(spec, `synsets[${i}]`).offset;
  if (typeof spec !== 'string') fail(FN, 'synsets', `must hold synsets as 'lemma.n.NN', offsets or wnids; got ${describeValue(spec)} at index ${i}`);
  const offset = /^n?(\d{8})$/.exec(spec);
  if (offset) return nouns.checked(Number(offset[1]), `synsets[${i}] = '${spec}'`).offset;
  const named = /^(.+)\.([a-z])\.(\d+)$/.exec(spec.trim());
  if (!named) fail(FN, 'synsets', `must hold synsets as 'lemma.n.NN', offsets or wnids such as 'n02084071'; got '${spec}' at index ${i}`);
  if (named[2] !== 'n') fail(FN, 'synsets', `must hold noun synsets ('.n.'); got '${spec}' at index ${i}`);
  const lemma = named[1].replace(/ /g, '_');
  const senses = nouns.senses(lemma);
  if (senses.length === 0) fail(FN, 'synsets', `must name WordNet nouns; '${lemma}' (synsets[${i}] = '${spec}') is not in index.noun`);
  const sense = Number(named[3]);
  if (sense < 1 || sense > senses.length) {
    fail(FN, 'synsets', `must use an existing sense; '${lemma}' has senses 1..${senses.length}; got '${spec}' at index ${i}`);
  }
  return nouns.checked(senses[sense - 1], `synsets[${i}] = '${spec}'`).offset;
}

export async function fromWordNet(synsets: ReadonlyArray<string | number>, opts: WordNetOptions = {}): Promise<Hierarchy> {
  if (opts === null || typeof opts !== 'object') fail(FN, 'options', `must be an object; got ${describeValue(opts)}`);
  if (!Array.isArray(synsets) || synsets.length === 0) fail(FN, 'synsets', `must be a non-empty array of noun synsets; got ${describeValue(synsets)}`);
  const { names: given, internalLabels = 'leafChild' } = opts;
  if (given !== undefined && (!Array.isArray(given) || given.length !== synsets.length || given.some((n) => typeof n !== 'string' || n === ''))) {
    fail(FN, 'options.names', `must hold one non-empty name per synset (${synsets.length}); got ${describeValue(given)}`);
  }
  if (internalLabels !== 'leafChild' && internalLabels !== 'error') {
    fail(FN, 'options.internalLabels', `must be 'leafChild' or 'error'; got ${describeValue(internalLabels)}`);
  }
  const nouns = await loadNouns(opts);
  const requested = synsets.map((s, i) => resolveSynset(nouns, s, i));
  const firstAt = new Map<number, number>();
  requested.forEach((o, i) => {
    const earlier = firstAt.get(o);
    if (earlier !== undefined) fail(FN, 'synsets', `must name each synset once; ${nouns.name(nouns.checked(o, ''))} is at index ${earlier} and ${i}`);
    firstAt.set(o, i);
  });

  // Union of first-hypernym paths, nodes keyed by offset in order of discovery (root side first per path).
  const index = new Map<number, number>();
  const names: string[] = [];
  const parents: number[] = [];
  const parentOffset = new Map<number, number | null>();
  for (const start of requested) {
    const chain: number[] = [];
    let o: number | null = start;
    while (o !== null && !parentOffset.has(o)) {
      if (chain.length > ENTITY_MAX_DEPTH) fail(FN, 'synsets', `led to a hypernym chain longer than ${ENTITY_MAX_DEPTH} from offset ${start}; is data.noun intact?`);
      const s = nouns.checked(o, `a hypernym of synsets[${firstAt.get(start)}]`);
      const up: number | null = s.hypernyms.length > 0 ? s.hypernyms[0] : null;
      parentOffset.set(o, up);
      chain.push(o);
      o = up;
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      index.set(chain[k], names.length);
      names.push(nouns.name(nouns.checked(chain[k], '')));
      parents.push(-1);
    }
  }
  for (const [o, up] of parentOffset) parents[index.get(o) as number] = up === null ? -1 : (index.get(up) as number);

  const hasChild = new Set<number>(parents.filter((p) => p >= 0));
  const leafNodes = requested.map((o, i) => {
    const v = index.get(o) as number;
    const label = given?.[i] ?? names[v];
    if (hasChild.has(v) && internalLabels === 'leafChild') {
      if (names[v] === label) names[v] = `${label}${GROUP_SUFFIX}`;
      names.push(label);
      parents.push(v);
      return names.length - 1;
    }
    names[v] = label;
    return v;
  });
  // Leaves are referred to by their whole path, which stays unambiguous whatever the names.
  const sep = opts.separator ?? '/';
  // Walked iteratively, and checked for a hypernym cycle (a corrupt data.noun) before anything follows the parents.
  const pathOf = (v: number): string[] => {
    const up: number[] = [];
    const onPath = new Map<number, number>();
    for (let u = v; u >= 0; u = parents[u]) {
      const at = onPath.get(u);
      if (at !== undefined) {
        const cycle = up.slice(at).map((w) => names[w]);
        fail(FN, 'synsets', `led to a hypernym cycle in data.noun; got ${[...cycle, cycle[0]].join(' → ')}; is data.noun intact?`);
      }
      onPath.set(u, up.length);
      up.push(u);
    }
    return up.reverse().map((u) => names[u]);
  };
  const leafRefs = leafNodes.map((v) => pathOf(v).join(sep));

  const raw: RawTree = { names, parents, argument: 'synsets', defaultLeaves: { refs: leafRefs, argument: 'synsets' } };
  const { dir: _dir, files: _files, names: _names, internalLabels: _internal, ...treeOpts } = opts;
  return Hierarchy.fromRaw(FN, raw, treeOpts);
}
