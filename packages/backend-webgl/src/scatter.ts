// @mgp/scatter is an optional peer: when installed, its Mgp* kernels (a GPGPU shader for webgl) are registered;
// when absent, @mgp's segment reductions use their built-in tfjs-ops path and give the same numbers.

export interface ScatterModule {
  /** Registers the WebGL kernels, if the package does that in a function rather than on import. */
  registerWebGLKernels?: () => unknown;
}

export type ScatterStatus =
  | { state: 'registered' }
  | { state: 'absent'; reason: string }
  | { state: 'failed'; reason: string };

const MISSING = /Cannot find (module|package)|ERR_MODULE_NOT_FOUND|Could not resolve|Failed to (resolve|fetch)/;

/** `load` is the import of @mgp/scatter; tests pass fakes. Never throws: the peer is optional. */
export async function registerScatterKernels(
  load: () => Promise<ScatterModule> = () => import('@mgp/scatter') as Promise<ScatterModule>,
): Promise<ScatterStatus> {
  let scatter: ScatterModule;
  try {
    scatter = await load();
  } catch (cause) {
    const text = String(cause).split('\n')[0];
    if (MISSING.test(text)) return { state: 'absent', reason: '@mgp/scatter is not installed' };
    return { state: 'failed', reason: `@mgp/scatter is installed but failed to load (${text})` };
  }
  try {
    if (typeof scatter.registerWebGLKernels === 'function') scatter.registerWebGLKernels();
  } catch (cause) {
    return { state: 'failed', reason: `@mgp/scatter failed to register its WebGL kernels (${String(cause).split('\n')[0]})` };
  }
  return { state: 'registered' };
}

export function scatterNote(status: ScatterStatus, kernels: readonly string[]): string {
  if (status.state === 'registered') {
    return kernels.length > 0
      ? `@mgp/scatter's WebGL kernels registered (${kernels.length})`
      : '@mgp/scatter loaded but registered no webgl kernels; segment reductions use the built-in path';
  }
  return `${status.reason}; segment reductions use the built-in tfjs-ops path (same numbers)`;
}
