import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadScatterKernels, scatterNote } from './scatter';

const notFound = () => Promise.reject(new Error("Cannot find package '@mgp/scatter' imported from /app/node_modules/@mgp/backend-webgl"));
const fakeKernel = { kernelName: 'MgpFakeForTest', backendName: 'webgl', kernelFunc: () => ({ dataId: {}, shape: [], dtype: 'float32' as const }) };

describe('loadScatterKernels', () => {
  afterEach(() => {
    if (tf.getKernel(fakeKernel.kernelName, 'webgl')) tf.unregisterKernel(fakeKernel.kernelName, 'webgl');
  });

  it('tolerates the optional peer being absent, and says what a bundled app must do', async () => {
    expect(await loadScatterKernels('auto', notFound)).toEqual({
      state: 'absent',
      reason: "@mgp/scatter could not be imported (if it is installed, add `import '@mgp/scatter';` to the app (bundlers cannot see an optional import by name))",
    });
  });

  it('counts kernels the app registered by importing @mgp/scatter itself (a bundled page)', async () => {
    tf.registerKernel(fakeKernel);
    const bareSpecifier = () => Promise.reject(new TypeError('Failed to resolve module specifier "@mgp/scatter"'));
    expect(await loadScatterKernels('auto', bareSpecifier)).toEqual({ state: 'registered', how: 'by the app' });
  });

  it('reports, without throwing, a peer that is installed but broken', async () => {
    const broken = () => Promise.reject(new TypeError('x is not a function'));
    expect(await loadScatterKernels('auto', broken)).toEqual({
      state: 'failed',
      reason: '@mgp/scatter is installed but failed to load (TypeError: x is not a function)',
    });
  });

  it('makes sure the kernels are registered for webgl, from the import or from options.scatter', async () => {
    const registerScatterKernels = vi.fn();
    expect(await loadScatterKernels('auto', () => Promise.resolve({ registerScatterKernels }))).toEqual({ state: 'registered', how: 'imported by the adapter' });
    expect(await loadScatterKernels({ registerScatterKernels })).toEqual({ state: 'registered', how: 'from options.scatter' });
    expect(registerScatterKernels).toHaveBeenCalledWith(['webgl']);
    expect(await loadScatterKernels(false)).toEqual({ state: 'absent', reason: 'options.scatter is false' });
  });

  it('registers the real @mgp/scatter kernels for webgl when imported by name (Node)', async () => {
    expect(await loadScatterKernels()).toEqual({ state: 'registered', how: 'imported by the adapter' });
    const names = tf.getKernelsForBackend('webgl').map((k) => k.kernelName).filter((n) => n.startsWith('Mgp'));
    expect(names.length).toBeGreaterThan(0);
  });
});

describe('scatterNote', () => {
  it('says which path segment reductions take', () => {
    expect(scatterNote({ state: 'registered', how: 'by the app' }, ['MgpScatterSum', 'MgpScatterMax'])).toBe(
      "@mgp/scatter's WebGL kernels registered by the app (2)",
    );
    expect(scatterNote({ state: 'absent', reason: 'options.scatter is false' }, [])).toBe(
      'options.scatter is false; segment reductions use the built-in tfjs-ops path (same numbers)',
    );
  });
});
