// The options of useBackend(), checked before anything starts.
import { adapterInputError } from '@mgp/backend-spec';
import type { ScatterModule } from './scatter';

export interface WebGLBackendOptions {
  /**
   * Store tensors in half-float (float16) textures even where float32 textures render: what phones without
   * EXT_color_buffer_float do. For testing an app's numerics on a desktop. Applies only before the webgl backend
   * first starts (tfjs reads the flag whenever it allocates a texture; switching later would mix precisions).
   */
  forceFloat16?: boolean;
  /**
   * @mgp/scatter's WebGL kernels. Default (true): imported by name where that works (Node, unbundled ESM), or
   * already registered by the app's `import '@mgp/scatter'` (bundled pages). The module itself
   * (`await import('@mgp/scatter')`) registers them explicitly; false leaves them out.
   */
  scatter?: boolean | ScatterModule;
  /** Fail unless tfjs gradients are registered (training needs them). Default true. */
  requireGradients?: boolean;
}

const KNOWN = ['forceFloat16', 'scatter', 'requireGradients'] as const;

/** A bad option of useBackend, as an MgpInputError (see @mgp/backend-spec's adapterInputError). */
function inputError(argument: string, detail: string): Error {
  return adapterInputError('useBackend', argument, detail);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

export function checkOptions(options: unknown): WebGLBackendOptions {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw inputError('options', `must be an object; got ${describeValue(options)}`);
  }
  const o = options as Record<string, unknown>;
  const unknown = Object.keys(o).filter((k) => !(KNOWN as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw inputError('options', `has unknown key(s) ${unknown.map((k) => `'${k}'`).join(', ')}; expected only ${KNOWN.join(', ')}`);
  }
  const scatter = o.scatter as { registerScatterKernels?: unknown } | undefined;
  if (scatter !== undefined && typeof scatter !== 'boolean' && typeof scatter?.registerScatterKernels !== 'function') {
    throw inputError('options.scatter', `must be true, false or the @mgp/scatter module; got ${describeValue(o.scatter)}`);
  }
  for (const flag of ['forceFloat16', 'requireGradients'] as const) {
    if (o[flag] !== undefined && typeof o[flag] !== 'boolean') {
      throw inputError(`options.${flag}`, `must be true or false; got ${describeValue(o[flag])}`);
    }
  }
  return o as WebGLBackendOptions;
}
