import { describe, expect, it } from 'vitest';
import { checkOptions } from './options';

describe('checkOptions', () => {
  it('accepts the @mgp/scatter module as options.scatter', () => {
    const scatter = { registerScatterKernels: () => [] };
    expect(checkOptions({ scatter }).scatter).toBe(scatter);
  });

  it('accepts nothing and the known boolean options', () => {
    expect(checkOptions(undefined)).toEqual({});
    expect(checkOptions({ forceFloat16: true, scatter: false, requireGradients: true })).toEqual({
      forceFloat16: true,
      scatter: false,
      requireGradients: true,
    });
  });

  it('names the argument, what was expected and what came', () => {
    expect(() => checkOptions(3)).toThrow("useBackend: argument 'options' must be an object; got 3");
    expect(() => checkOptions({ float16: true })).toThrow(
      "useBackend: argument 'options' has unknown key(s) 'float16'; expected only forceFloat16, scatter, requireGradients",
    );
    expect(() => checkOptions({ forceFloat16: 'yes' })).toThrow("useBackend: argument 'options.forceFloat16' must be true or false; got 'yes'");
    expect(() => checkOptions({ scatter: {} })).toThrow("useBackend: argument 'options.scatter' must be true, false or the @mgp/scatter module; got an object");
  });
});
