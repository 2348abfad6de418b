import { describe, expect, it } from 'vitest';
import { summarizeOutput, trailingJson } from './script-summary';

describe('summarizeOutput', () => {
  it('reads the JSON object a script ends with and keeps its timing and ratio fields', () => {
    const report = { benchmark: 'x', results: { wasm: { medianMs: 812.345, stepsMs: [1, 2], info: { threads: 1 } }, cpu: { medianMs: 24000 } }, ratios: { cpuOverWasm: 29.54 } };
    const output = `progress line\n${JSON.stringify(report, null, 2)}\n`;
    expect(trailingJson(output)).toEqual(report);
    expect(summarizeOutput(output).split('\n')).toEqual(['results.wasm.medianMs = 812.35', 'results.cpu.medianMs = 24000', 'ratios.cpuOverWasm = 29.54']);
  });
  it('falls back to the last lines of plain output', () => {
    const output = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const summary = summarizeOutput(output, 3);
    expect(summary).toBe('line 47\nline 48\nline 49');
  });
});
