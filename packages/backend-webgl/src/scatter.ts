// @mgp/scatter is an optional peer: when present, its Mgp* kernels (a GPGPU shader for webgl) are registered;
// when absent, @mgp's segment reductions take their built-in tfjs-ops path and give the same numbers.
//
// The import's specifier sits in a variable on purpose. A literal `import('@mgp/scatter')` makes every bundler
// resolve it at build time, and Vite fails the build of any app that does not have it installed ("Rolldown failed
// to resolve import"). So: Node and unbundled ESM import it by name here; a bundled page imports it itself
// (`import '@mgp/scatter'`, which registers its kernels on import) or passes the module in `options.scatter`.
import { kernelsWithPrefix } from '@mgp/backend-spec';

const SCATTER = '@mgp/scatter';

/** The part of @mgp/scatter used here. Importing it registers its kernels; calling this again is idempotent. */
export interface ScatterModule {
  registerScatterKernels(extraBackends?: readonly string[]): unknown;
}

/** 'auto': import it by name if possible, else use kernels the app registered; false: don't; or the module. */
export type ScatterSource = 'auto' | false | ScatterModule;

export type ScatterStatus =
  | { state: 'registered'; how: string }
  | { state: 'absent'; reason: string }
  | { state: 'failed'; reason: string };

const MISSING = /Cannot find (module|package)|ERR_MODULE_NOT_FOUND|Could not resolve|Failed to (resolve|fetch)/;
const BUNDLED_HINT = "if it is installed, add `import '@mgp/scatter';` to the app (bundlers cannot see an optional import by name)";

function register(scatter: ScatterModule, how: string): ScatterStatus {
  try {
    scatter.registerScatterKernels(['webgl']);
    return { state: 'registered', how };
  } catch (cause) {
    return { state: 'failed', reason: `@mgp/scatter failed to register its WebGL kernels (${String(cause).split('\n')[0]})` };
  }
}

/** Never throws: the peer is optional. `load` is the import by name; tests pass fakes. */
export async function loadScatterKernels(
  source: ScatterSource = 'auto',
  load: () => Promise<Partial<ScatterModule>> = () => import(/* @vite-ignore */ SCATTER),
): Promise<ScatterStatus> {
  if (source === false) return { state: 'absent', reason: 'options.scatter is false' };
  if (source !== 'auto') return register(source, 'from options.scatter');
  let scatter: Partial<ScatterModule>;
  try {
    scatter = await load();
  } catch (cause) {
    const text = String(cause).split('\n')[0];
    if (kernelsWithPrefix('webgl', 'Mgp').length > 0) return { state: 'registered', how: 'by the app' };
    if (MISSING.test(text)) return { state: 'absent', reason: `@mgp/scatter could not be imported (${BUNDLED_HINT})` };
    return { state: 'failed', reason: `@mgp/scatter is installed but failed to load (${text})` };
  }
  if (typeof scatter.registerScatterKernels !== 'function') {
    return { state: 'failed', reason: '@mgp/scatter has no registerScatterKernels export (an incompatible version?)' };
  }
  return register(scatter as ScatterModule, 'imported by the adapter');
}

export function scatterNote(status: ScatterStatus, kernels: readonly string[]): string {
  if (status.state === 'registered') {
    return kernels.length > 0
      ? `@mgp/scatter's WebGL kernels registered ${status.how} (${kernels.length})`
      : '@mgp/scatter loaded but registered no webgl kernels; segment reductions use the built-in path';
  }
  return `${status.reason}; segment reductions use the built-in tfjs-ops path (same numbers)`;
}
