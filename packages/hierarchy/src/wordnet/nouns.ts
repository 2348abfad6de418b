// Reads WordNet 3.0's own noun files: data.noun (synsets at byte offsets) and index.noun (lemma → senses).
import { fail } from '../tree/fail';

export interface NounSynset {
  offset: number;
  /** Lemmas as written in data.noun (underscores for spaces). */
  words: string[];
  /** Hypernym and instance-hypernym offsets, in the order data.noun lists them. */
  hypernyms: number[];
}

const decoder = new TextDecoder();

export class WordNetNouns {
  private index: Map<string, number[]> | null = null;
  private readonly cache = new Map<number, NounSynset>();

  constructor(
    private readonly fn: string,
    private readonly data: Uint8Array,
    private readonly indexText: string,
  ) {}

  /** The synset at a data.noun byte offset, or null when there is none there. */
  synset(offset: number): NounSynset | null {
    const cached = this.cache.get(offset);
    if (cached) return cached;
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.data.length) return null;
    if (offset > 0 && this.data[offset - 1] !== 10) return null; // must start a line
    let end = offset;
    while (end < this.data.length && this.data[end] !== 10) end++;
    const line = decoder.decode(this.data.subarray(offset, end));
    const synset = parseDataLine(line, offset);
    if (synset) this.cache.set(offset, synset);
    return synset;
  }

  /** Offsets of a lemma's noun senses in sense order (index.noun), or an empty list. */
  senses(lemma: string): readonly number[] {
    if (this.index === null) this.index = parseIndex(this.indexText);
    return this.index.get(lemma.toLowerCase()) ?? [];
  }

  /** NLTK-style name 'lemma.n.NN' from the synset's first lemma and that lemma's sense number. */
  name(synset: NounSynset): string {
    const lemma = synset.words[0].toLowerCase();
    const sense = this.senses(lemma).indexOf(synset.offset) + 1;
    return sense > 0 ? `${lemma}.n.${String(sense).padStart(2, '0')}` : `${lemma}.n.${String(synset.offset).padStart(8, '0')}`;
  }

  checked(offset: number, what: string): NounSynset {
    const s = this.synset(offset);
    if (s === null) fail(this.fn, 'synsets', `must name noun synsets of WordNet 3.0; data.noun has no synset at offset ${offset} (${what})`);
    return s;
  }
}

/** `offset lex_filenum n w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target]… | gloss` */
function parseDataLine(line: string, offset: number): NounSynset | null {
  const bar = line.indexOf(' | ');
  const fields = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
  if (fields.length < 4 || Number(fields[0]) !== offset || !/^\d{8}$/.test(fields[0])) return null;
  if (fields[2] !== 'n') return null;
  const wordCount = parseInt(fields[3], 16);
  if (!Number.isFinite(wordCount) || wordCount < 1) return null;
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) {
    if (i + 1 >= fields.length) return null;
    words.push(fields[i]);
  }
  const pointerCount = Number(fields[i]);
  if (!Number.isInteger(pointerCount)) return null;
  i++;
  const hypernyms: number[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    if (i + 3 >= fields.length) return null;
    const symbol = fields[i];
    if ((symbol === '@' || symbol === '@i') && fields[i + 2] === 'n') hypernyms.push(Number(fields[i + 1]));
  }
  return { offset, words, hypernyms };
}

/** `lemma pos synset_cnt p_cnt [symbol]… sense_cnt tagsense_cnt offset…`; license lines start with spaces. */
function parseIndex(text: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    if (f[1] !== 'n' || !Number.isInteger(synsetCount) || !Number.isInteger(pointerCount)) continue;
    const start = 4 + pointerCount + 2;
    const offsets = f.slice(start, start + synsetCount).map(Number);
    if (offsets.length === synsetCount && offsets.every(Number.isInteger)) map.set(f[0], offsets);
  }
  return map;
}
