/** A table as data: column headers, rows of cells already formatted as text, and column alignment. */
export interface Table {
  columns: string[];
  rows: string[][];
  /** 'r' for numbers; 'l' otherwise (default). */
  align?: ('l' | 'r')[];
}

/** The table as fixed-width text for a terminal. */
export function formatTextTable(table: Table): string {
  const widths = table.columns.map((c, j) => Math.max(c.length, ...table.rows.map((r) => (r[j] ?? '').length)));
  const pad = (text: string, j: number) =>
    table.align?.[j] === 'r' ? text.padStart(widths[j]) : text.padEnd(widths[j]);
  const line = (cells: string[]) => cells.map((c, j) => pad(c, j)).join('  ').trimEnd();
  return [line(table.columns), widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}

/** The table as GitHub Markdown. */
export function formatMarkdownTable(table: Table): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  const rule = table.columns.map((_, j) => (table.align?.[j] === 'r' ? '---:' : '---'));
  return [
    `| ${table.columns.map(escape).join(' | ')} |`,
    `| ${rule.join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map(escape).join(' | ')} |`),
  ].join('\n');
}
