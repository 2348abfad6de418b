// ONE table of bad inputs over the whole public surface of @mgp/metrics, @mgp/core and @mgp/hierarchy: wrong
// shapes, ranks and dtypes, NaN, out-of-range labels, mismatched K, invalid hierarchies and options. Every row
// must throw MgpInputError whose message starts '<function>: argument '<name>'', before any tensor work (no
// kernel runs, no tensor is made) and leaving tf.memory().numTensors where it was. The coverage test fails when
// an exported function, constructor, static or method has neither a row nor a reasoned exemption (coverage.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { useTestBackend } from '@mgp/test-utils';
import { runWatched } from '../support/tensor-work';
import { enumerateTargets } from './coverage';
import { disposeFixtures, makeFixtures, type Fixtures } from './fixtures';
import type { Row } from './row';
import { CORE_ROWS } from './rows-core';
import { HIERARCHY_ROWS } from './rows-hierarchy';
import { METRICS_ROWS } from './rows-metrics';

const TABLE: Row[] = [...METRICS_ROWS, ...CORE_ROWS, ...HIERARCHY_ROWS];

/** 'metrics.distortion' → 'distortion'; 'core.DeepNCM#update' → 'DeepNCM.update'; 'hierarchy.Hierarchy.fromEdges' → 'Hierarchy.fromEdges'. */
function functionName(row: Row): string {
  if (row.fn) return row.fn;
  return row.target.slice(row.target.indexOf('.') + 1).replace('#', '.');
}

let f: Fixtures;

beforeAll(async () => {
  await useTestBackend();
  f = makeFixtures();
});

afterAll(() => disposeFixtures(f));

describe('bad input, over every public function and constructor', () => {
  it('every exported function, constructor, static and method has a row or a reasoned exemption', () => {
    const targets = enumerateTargets();
    const covered = new Set(TABLE.map((r) => r.target));
    const missing = targets.filter((t) => t.exempt === null && !covered.has(t.key)).map((t) => t.key);
    const unknown = [...covered].filter((key) => !targets.some((t) => t.key === key));
    console.info(`bad-input table: ${TABLE.length} rows over ${covered.size} targets; ${targets.filter((t) => t.exempt).length} exempt`);
    expect(missing, 'exports without a bad-input row').toEqual([]);
    expect(unknown, 'rows naming no export').toEqual([]);
    expect(targets.length).toBeGreaterThan(100);
  });

  it.each(TABLE.map((row) => [`${row.bug ? 'BUG: ' : ''}${row.target} — ${row.category}: ${row.what}`, row] as const))('%s', async (_, row) => {
    if (row.bug) console.warn(`pinned bug (${row.target}): ${row.bug}`);
    const outcome = await runWatched(() => row.call(f));
    const error = outcome.error as Error | undefined;
    expect(error, outcome.returned ? 'the call returned instead of refusing' : String(error)).toBeInstanceOf(MgpInputError);
    expect((error as Error).message.startsWith(`${functionName(row)}: argument '${row.argument}'`), (error as Error).message).toBe(true);
    expect(outcome.kernels, 'kernels run before the refusal').toEqual([]);
    expect(outcome.tensorsMade, 'tensors made before the refusal').toBe(0);
    expect(outcome.leftBehind, 'tensors left behind').toBe(0);
  });
});
