import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countLayerMarks, pngSize } from '../report/svg-inspect';
import { FIGURE1_METHODS } from '../train/methods';
import { runFigure1 } from './figure1';
import { captureIo } from './test-io';

describe('mgp figure1 (1 epoch on a subsample)', () => {
  it('trains every method and writes the table, Markdown, JSON and one SVG + PNG picture per method', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mgp-figure1-'));
    const io = captureIo();
    const testSize = 120;
    const result = await runFigure1(
      {
        methods: FIGURE1_METHODS.map((m) => m.id),
        lambda: 1,
        lr: 0.1,
        backend: 'wasm',
        seed: 0,
        seeds: 1,
        epochs: 1,
        batchSize: 64,
        out,
        json: false,
        quiet: true,
        trainSize: 256,
        testSize,
        workers: 1,
      },
      io,
    );

    // The table on stdout names every method and the columns asked for.
    const table = io.out();
    for (const column of ['Error rate (%)', 'Average cost', 'Mistake severity', 'Distortion (scale-free)', 'Train time (s)']) {
      expect(table).toContain(column);
    }
    for (const m of FIGURE1_METHODS) expect(table).toContain(m.label);

    const json = JSON.parse(readFileSync(join(out, 'figure1.json'), 'utf8'));
    expect(json.runs.map((r: { method: string }) => r.method)).toEqual(FIGURE1_METHODS.map((m) => m.id));
    expect(json.leakedTensors).toBe(0);
    for (const run of json.runs) {
      expect(run.errorRate).toBeGreaterThanOrEqual(0);
      expect(run.errorRate).toBeLessThanOrEqual(1);
      expect(run.averageCost).toBeGreaterThanOrEqual(0);
      expect(run.prototypes).toHaveLength(10);
      expect(run.prototypes[0]).toHaveLength(2);
    }
    // Fixed prototypes come from embedding D before training, so they follow D whatever one epoch did.
    expect(json.runs.find((r: { method: string }) => r.method === 'fixed').prototypeDistortion).toBeLessThan(0.3);
    expect(json.settings.trainSize).toBe(256);
    expect(json.settings.testSize).toBe(testSize);

    const markdown = readFileSync(join(out, 'figure1.md'), 'utf8');
    expect(markdown).toContain('| Method |');
    expect(markdown).toContain('## Seed (PyTorch) and @mgp');

    for (const m of FIGURE1_METHODS) {
      const svg = readFileSync(join(out, `figure1-${m.id}.svg`), 'utf8');
      expect(countLayerMarks(svg, 'layer_0_marks')).toBe(testSize); // one dot per test digit
      expect(countLayerMarks(svg, 'layer_1_marks')).toBe(10); // one marker per class prototype (or mean)
      const png = readFileSync(join(out, `figure1-${m.id}.png`));
      const size = pngSize(png);
      const [, w, h] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
      expect(size).toEqual({ width: 2 * Number(w), height: 2 * Number(h) });
    }
    expect(result.files).toHaveLength(2 + 2 * FIGURE1_METHODS.length);
  });
});
