// The Markdown report: one table of ratios (case against its reference, same run, same backend), then what did not run.
import { METRIC_LABEL, formatRatio, formatValue } from './format';
import type { CaseResult, ComparisonRow } from './types';

export interface MarkdownInput {
  title: string;
  /** Lines describing the machine and the run, shown above the table. */
  header: string[];
  rows: ComparisonRow[];
  /** Cases that were skipped or failed (shown with their reasons). */
  unrun: CaseResult[];
  /** Whole benchmarks or backends that did not run, and other notes. */
  notes: string[];
}

/** Escapes what would break a table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function markdownTable(head: string[], body: string[][]): string {
  const lines = [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of body) lines.push(`| ${r.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

const VERDICT: Record<string, string> = { met: 'met', missed: '**missed**', 'n/a': 'n/a', '': '' };

export function ratioRows(rows: readonly ComparisonRow[]): string[][] {
  return rows.map((r) => [
    r.benchmark,
    r.case,
    r.reference,
    r.environment === 'node' ? r.backend : `chromium:${r.backend}`,
    METRIC_LABEL[r.metric],
    formatValue(r.metric, r.value),
    formatValue(r.metric, r.referenceValue),
    formatRatio(r.ratio),
    r.runs,
    r.target ?? '',
    VERDICT[r.verdict] ?? r.verdict,
    r.note ?? '',
  ]);
}

export const RATIO_HEAD = ['benchmark', 'case', 'reference', 'backend', 'metric', 'case value', 'reference value', 'ratio', 'n', 'target', 'verdict', 'note'];

export function renderMarkdown(input: MarkdownInput): string {
  const parts: string[] = [`# ${input.title}`, '', ...input.header, ''];
  parts.push('Ratio = case ÷ reference, both measured in this run on the same backend (lower is cheaper); a budget reference is a fixed target.', '');
  parts.push(input.rows.length > 0 ? markdownTable(RATIO_HEAD, ratioRows(input.rows)) : '_No comparison ran._', '');
  if (input.unrun.length > 0) {
    parts.push('## Not measured', '');
    parts.push(
      markdownTable(
        ['benchmark', 'case', 'backend', 'status', 'reason'],
        input.unrun.map((c) => [c.benchmark, c.case, c.environment === 'node' ? c.backend : `chromium:${c.backend}`, c.status, c.reason ?? '']),
      ),
      '',
    );
  }
  if (input.notes.length > 0) {
    parts.push('## Notes', '', ...input.notes.map((n) => `- ${n}`), '');
  }
  return parts.join('\n');
}
