// One row of the bad-input table.
import type { Fixtures } from './fixtures';

export type Category =
  | 'shape'
  | 'rank'
  | 'dtype'
  | 'NaN'
  | 'label'
  | 'mismatched K'
  | 'hierarchy'
  | 'option'
  | 'type'
  | 'disposed'
  | 'empty';

export interface Row {
  /** The export the row exercises: 'metrics.distortion', 'core.DeepNCM' (constructor), 'core.DeepNCM#update'
   * (method), 'hierarchy.Hierarchy.fromEdges' (static). See coverage.ts. */
  target: string;
  category: Category;
  /** What is wrong, for the test name. */
  what: string;
  call(f: Fixtures): unknown;
  /** The argument the message must name. */
  argument: string;
  /** The function name the message must start with (default: derived from target). */
  fn?: string;
  /** A known bug this row pins (it fails until fixed): file and what happens. */
  bug?: string;
}

/** Shorthand for a list of rows of one target. */
export function rowsOf(target: string, fn: string | undefined, rows: Array<[Category, string, (f: Fixtures) => unknown, string]>): Row[] {
  return rows.map(([category, what, call, argument]) => ({ target, category, what, call, argument, ...(fn ? { fn } : {}) }));
}

/** Marks rows as pinning a known bug (their test names say so, and the report lists them). */
export function pinned(bug: string, rows: Row[]): Row[] {
  return rows.map((row) => ({ ...row, bug }));
}
