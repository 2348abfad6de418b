// Backend choice: WebGL (through @mgp/backend-webgl), falling back to wasm (@mgp/backend-wasm) with a notice that
// says why, and to tfjs's plain JavaScript cpu backend when wasm cannot start either. `?backend=wasm` in the page
// address skips WebGL.
import * as tf from '@tensorflow/tfjs-core';
import { useBackend as useWebGL } from '@mgp/backend-webgl';
import { useBackend as useWasm } from '@mgp/backend-wasm';

export interface BackendChoice {
  name: string;
  /** Why the page is not on WebGL, or null when it is. */
  fallback: string | null;
  notes: string[];
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

export async function chooseBackend(preferred: string | null): Promise<BackendChoice> {
  let reason: string | null = null;
  if (preferred !== 'wasm') {
    try {
      const info = await useWebGL({ scatter: false });
      return { name: info.name, fallback: null, notes: info.notes };
    } catch (error) {
      reason = firstLine(error);
    }
  }
  let info;
  try {
    info = await useWasm();
  } catch (error) {
    if (!(await tf.setBackend('cpu'))) throw error;
    const why = `${reason ?? 'the page address asks for wasm'}; and wasm: ${firstLine(error)}`;
    return { name: 'cpu', fallback: `Neither WebGL2 nor wasm could start here, so training runs on the plain JavaScript backend (slow). Why: ${why}`, notes: [] };
  }
  const fallback = reason
    ? `WebGL2 is not available here, so training runs on the wasm backend instead (more slowly). Why: ${reason}`
    : 'Running on the wasm backend, as the page address asks (?backend=wasm).';
  return { name: info.name, fallback, notes: info.notes };
}
