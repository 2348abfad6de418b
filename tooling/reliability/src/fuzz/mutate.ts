// Structure-aware mutations of a valid serialization: the kinds of damage files suffer (cut, spliced, lines lost
// or repeated, stray bytes, other line endings), chosen by fast-check so failures shrink and replay.
import fc from 'fast-check';

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'duplicateLine'; line: number }
  | { op: 'dropLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'crlf' }
  | { op: 'bom' };

/** Characters that parsers trip on. */
const NASTY = ['\0', '\t', '\n', '\r', ' ', '#', '/', '{', '}', '[', ']', '"', ',', ':', '\\', '@', '|', 'é', '\u2028', '\uFEFF', '99999999', '-1', 'null', 'NaN'];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })) }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('dropLine' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
);

export function applyMutation(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'duplicateLine': {
      const i = line(m.line);
      return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
    }
    case 'dropLine':
      return lines.filter((_, i) => i !== line(m.line)).join('\n');
    case 'swapLines': {
      const copy = lines.slice();
      const [a, b] = [line(m.a), line(m.b)];
      [copy[a], copy[b]] = [copy[b], copy[a]];
      return copy.join('\n');
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
  }
}

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function applyAll(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(applyMutation, text);
}
