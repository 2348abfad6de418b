import { describe, expect, it } from 'vitest';
import { costChange, costFindings } from './bench-report';
import { embeddingChartSpec } from './embedding-chart';
import { renderSvg, svgToPng } from './render';
import { formatMeanStd, meanStd } from './stats';
import type { GroupSummary } from './summary';
import { countLayerMarks, pngSize } from './svg-inspect';
import { formatMarkdownTable, formatTextTable } from './table';

describe('stats', () => {
  it('gives the mean and the sample standard deviation', () => {
    expect(meanStd([1, 2, 3, 4])).toEqual({ mean: 2.5, std: Math.sqrt(5 / 3), n: 4 });
    expect(meanStd([7])).toEqual({ mean: 7, std: 0, n: 1 });
    expect(formatMeanStd([0.1, 0.2], 1, 100)).toBe('15.0 ± 7.1');
    expect(formatMeanStd([0.123], 2, 100)).toBe('12.30');
  });
});

describe('tables', () => {
  const table = { columns: ['Method', 'ER'], align: ['l', 'r'] as ('l' | 'r')[], rows: [['a|b', '1.0'], ['long name', '10.25']] };
  it('aligns text columns and escapes Markdown pipes', () => {
    expect(formatTextTable(table).split('\n')).toEqual(['Method        ER', '─────────  ─────', 'a|b          1.0', 'long name  10.25']);
    expect(formatMarkdownTable(table).split('\n')).toEqual(['| Method | ER |', '| --- | ---: |', '| a\\|b | 1.0 |', '| long name | 10.25 |']);
  });
});

function group(method: string, ac: number[], decision: 'argmax' | 'bayes' = 'argmax'): GroupSummary {
  return { method, label: method, embeddingDim: 2, decision, seeds: ac.map((_, i) => i), stats: { averageCost: meanStd(ac), errorRate: meanStd(ac) } };
}

describe('bench findings', () => {
  it('compares each method with cross-entropy of the same size and decision rule', () => {
    const groups = [group('xe', [1, 1.2]), group('guided', [0.7, 0.72]), group('free', [1.05, 1.3]), group('xe', [0.9], 'bayes'), group('fixed', [0.8], 'bayes')];
    expect(costChange(groups[1], groups)).toBeCloseTo(0.71 / 1.1 - 1, 10);
    expect(costChange(groups[0], groups)).toBeNull();
    const findings = costFindings(groups);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toContain('guided, 2-D, argmax: AC 0.710 vs 1.100 (-35.5%)');
    expect(findings[1]).toContain('(within the spread over seeds)'); // one seed: no spread to judge by
  });
});

describe('embedding picture', () => {
  it('renders one dot per point and one marker per prototype, to SVG and to a PNG twice its size', async () => {
    const points = Array.from({ length: 37 }, (_, i) => ({ x: Math.cos(i), y: Math.sin(i), label: String(i % 3) }));
    const prototypes = ['0', '1', '2'].map((label, c) => ({ x: c, y: -c, label }));
    const svg = await renderSvg(embeddingChartSpec({ title: 't', points, prototypes, classOrder: ['2', '0', '1'], prototypeKind: 'prototype' }));
    expect(countLayerMarks(svg, 'layer_0_marks')).toBe(37);
    expect(countLayerMarks(svg, 'layer_1_marks')).toBe(3);
    expect(svg).toContain('>2</text>'); // prototype labels are drawn
    const [, w, h] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    expect(pngSize(svgToPng(svg))).toEqual({ width: 2 * Number(w), height: 2 * Number(h) });
  });
});
