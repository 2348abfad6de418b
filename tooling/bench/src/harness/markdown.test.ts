import { describe, expect, it } from 'vitest';
import { cell, markdownTable, renderMarkdown } from './markdown';
import type { ComparisonRow } from './types';

const row: ComparisonRow = {
  benchmark: 'prototype-head',
  backend: 'wasm',
  environment: 'node',
  case: 'proto/euclidean/K=1000',
  reference: 'dense/K=1000',
  metric: 'time',
  value: 182,
  referenceValue: 1720,
  ratio: 182 / 1720,
  runs: '3/3',
  target: '≤ 1',
  verdict: 'met',
};

/** Splits a Markdown table line into its cells (unescaped pipes only). */
function cells(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim());
}

describe('markdownTable', () => {
  it('writes a header, a separator and one line per row with as many cells', () => {
    const md = markdownTable(['a', 'b'], [['1', '2'], ['3', '4']]).split('\n');
    expect(md).toEqual(['| a | b |', '| --- | --- |', '| 1 | 2 |', '| 3 | 4 |']);
  });
  it('escapes pipes and newlines so a cell cannot break the table', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    const line = markdownTable(['x', 'y'], [['p|q', 'r']]).split('\n')[2];
    expect(cells(line)).toEqual(['p\\|q', 'r']);
  });
});

describe('renderMarkdown', () => {
  it('puts every comparison in the table with its values, ratio, target and verdict', () => {
    const md = renderMarkdown({ title: 'pnpm bench', header: ['Measured on a test machine.'], rows: [row], unrun: [], notes: ['a note'] });
    const lines = md.split('\n');
    const head = lines.find((l) => l.startsWith('| benchmark'));
    const body = lines.find((l) => l.startsWith('| prototype-head'));
    expect(head && body).toBeTruthy();
    const h = cells(head as string);
    const b = cells(body as string);
    expect(b).toHaveLength(h.length);
    const at = (name: string) => b[h.indexOf(name)];
    expect(at('case')).toBe('proto/euclidean/K=1000');
    expect(at('reference')).toBe('dense/K=1000');
    expect(at('case value')).toBe('182 ms');
    expect(at('reference value')).toBe('1.72 s');
    expect(at('ratio')).toBe('0.11');
    expect(at('n')).toBe('3/3');
    expect(at('target')).toBe('≤ 1');
    expect(at('verdict')).toBe('met');
    expect(md).toContain('Measured on a test machine.');
    expect(md).toContain('- a note');
  });

  it('lists cases that did not run with their reasons', () => {
    const md = renderMarkdown({
      title: 't',
      header: [],
      rows: [],
      unrun: [{ benchmark: 'b', case: 'c', backend: 'wasm', environment: 'browser', params: {}, status: 'failed', reason: 'boom', warmup: 0, samplesMs: [], medianMs: null }],
      notes: [],
    });
    expect(md).toContain('## Not measured');
    expect(md).toContain('| b | c | chromium:wasm | failed | boom |');
  });
});
