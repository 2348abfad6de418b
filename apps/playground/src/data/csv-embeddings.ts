// A user's dataset as CSV text: one example a line, `label,v1,v2,...,vd` (a header line is optional).
import { MgpInputError } from '@mgp/metrics';
import type { Dataset } from './dataset';
import { sortClassNames } from './class-names';
import { holdOut, standardize } from './hold-out';

const FN = 'readEmbeddingsCsv';

function splitLine(line: string): string[] {
  const separator = line.includes(',') ? ',' : line.includes(';') ? ';' : /\t/.test(line) ? '\t' : /\s+/;
  return line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Parses `label,v1,...,vd` rows into a Dataset: labels are any text (class names), values finite numbers, the same
 * count on every row; at least 2 classes with 2 examples each. Every fifth example of each class is held out, and
 * columns are standardized with the training rows' mean and deviation. Throws MgpInputError naming the line.
 */
export function readEmbeddingsCsv(text: string, name = 'CSV embeddings'): Dataset {
  if (typeof text !== 'string' || text.trim() === '') throw new MgpInputError(FN, 'csv', 'must hold at least one line `label,v1,...,vd`; got empty text');
  const lines = text.split(/\r?\n/).map((line, i) => ({ line: line.trim(), number: i + 1 })).filter(({ line }) => line !== '' && !line.startsWith('#'));
  const first = splitLine(lines[0].line);
  const hasHeader = first.slice(1).some((cell) => cell === '' || !Number.isFinite(Number(cell)));
  const rows = hasHeader ? lines.slice(1) : lines;
  if (rows.length === 0) throw new MgpInputError(FN, 'csv', 'must hold data rows after its header; got none');
  const width = splitLine(rows[0].line).length;
  if (width < 2) throw new MgpInputError(FN, 'csv', `must have a label and at least one value per row; line ${rows[0].number} has ${width} column`);
  const d = width - 1;
  const values = new Float32Array(rows.length * d);
  const names: string[] = [];
  rows.forEach(({ line, number }, r) => {
    const cells = splitLine(line);
    if (cells.length !== width) {
      throw new MgpInputError(FN, 'csv', `must have the same number of columns on every row; line ${number} has ${cells.length} but line ${rows[0].number} has ${width}`);
    }
    if (cells[0] === '') throw new MgpInputError(FN, 'csv', `must give a label in the first column; line ${number} has none`);
    names.push(cells[0]);
    for (let c = 1; c < width; c++) {
      const v = Number(cells[c]);
      if (cells[c] === '' || !Number.isFinite(v)) {
        throw new MgpInputError(FN, 'csv', `must hold finite numbers after the label; line ${number}, column ${c + 1} is '${cells[c]}'`);
      }
      values[r * d + c - 1] = v;
    }
  });
  const classNames = sortClassNames(names);
  if (classNames.length < 2) throw new MgpInputError(FN, 'csv', `must hold at least 2 classes; got only '${classNames[0]}'`);
  const index = new Map(classNames.map((c, i) => [c, i]));
  const labels = Int32Array.from(names, (n) => index.get(n) as number);
  const counts = new Array<number>(classNames.length).fill(0);
  labels.forEach((l) => (counts[l] += 1));
  const few = classNames.filter((_, i) => counts[i] < 2);
  if (few.length > 0) throw new MgpInputError(FN, 'csv', `must hold at least 2 examples of each class; ${few.map((c) => `'${c}'`).join(', ')} has fewer`);
  const { train, heldOut } = holdOut(values, labels, d);
  if (heldOut.count === 0) throw new MgpInputError(FN, 'csv', 'must hold at least 5 examples of some class (every fifth is held out for evaluation)');
  standardize(train, heldOut, d, true);
  return { name, kind: 'vectors', inputShape: [d], classNames, train, heldOut };
}
