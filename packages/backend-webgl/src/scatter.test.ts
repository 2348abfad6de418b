import { describe, expect, it, vi } from 'vitest';
import { registerScatterKernels, scatterNote } from './scatter';

describe('registerScatterKernels', () => {
  it('tolerates the optional peer being absent', async () => {
    const absent = () => Promise.reject(new Error("Cannot find module '@mgp/scatter'"));
    expect(await registerScatterKernels(absent)).toEqual({ state: 'absent', reason: '@mgp/scatter is not installed' });
  });

  it('reports, without throwing, a peer that is installed but broken', async () => {
    const broken = () => Promise.reject(new TypeError('x is not a function'));
    const status = await registerScatterKernels(broken);
    expect(status).toEqual({ state: 'failed', reason: '@mgp/scatter is installed but failed to load (TypeError: x is not a function)' });
  });

  it('calls the registration function when the package exports one', async () => {
    const registerWebGLKernels = vi.fn();
    expect(await registerScatterKernels(() => Promise.resolve({ registerWebGLKernels }))).toEqual({ state: 'registered' });
    expect(registerWebGLKernels).toHaveBeenCalledTimes(1);
  });

  it('accepts a package that registers its kernels on import', async () => {
    expect(await registerScatterKernels(() => Promise.resolve({}))).toEqual({ state: 'registered' });
  });
});

describe('scatterNote', () => {
  it('says which path segment reductions take', () => {
    expect(scatterNote({ state: 'registered' }, ['MgpScatterSum', 'MgpScatterMax'])).toBe("@mgp/scatter's WebGL kernels registered (2)");
    expect(scatterNote({ state: 'absent', reason: '@mgp/scatter is not installed' }, [])).toBe(
      '@mgp/scatter is not installed; segment reductions use the built-in tfjs-ops path (same numbers)',
    );
  });
});
