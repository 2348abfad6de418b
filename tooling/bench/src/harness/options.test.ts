import { describe, expect, it } from 'vitest';
import { backendSelected, parseOptions } from './options';

describe('parseOptions', () => {
  it('passes --quick through and shortens the run', () => {
    const quick = parseOptions(['--quick']);
    const full = parseOptions([]);
    expect(quick.quick).toBe(true);
    expect(quick.runs).toBeLessThan(full.runs);
  });
  it('skips the -- separator that pnpm and npm add, and reads lists in both spellings', () => {
    const o = parseOptions(['--', '--filter', 'losses,prototype-head/proto', '--backend=wasm', '--runs', '5']);
    expect(o.filter).toEqual(['losses', 'prototype-head/proto']);
    expect(o.backends).toEqual(['wasm']);
    expect(o.runs).toBe(5);
  });
  it('refuses unknown options and bad counts', () => {
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option '--fast'/);
    expect(() => parseOptions(['--runs', '0'])).toThrow(/--runs takes an integer ≥ 1; got 0/);
  });
});

describe('backendSelected', () => {
  it('matches a bare backend name in every environment, or a qualified one exactly', () => {
    expect(backendSelected([], 'node:cpu')).toBe(true);
    expect(backendSelected(['wasm'], 'node:wasm')).toBe(true);
    expect(backendSelected(['wasm'], 'chromium:wasm')).toBe(true);
    expect(backendSelected(['node:wasm'], 'chromium:wasm')).toBe(false);
    expect(backendSelected(['chromium'], 'chromium:webgl')).toBe(true);
    expect(backendSelected(['cpu'], 'node:wasm')).toBe(false);
  });
});
