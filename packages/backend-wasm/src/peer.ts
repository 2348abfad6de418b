// Loading the peer @tensorflow/tfjs-backend-wasm, with an actionable error when it is missing or broken.
import type * as WasmPeer from '@tensorflow/tfjs-backend-wasm';
import { BackendUnavailableError } from '@mgp/backend-spec';

export type WasmPeerModule = typeof WasmPeer;

export const PEER = '@tensorflow/tfjs-backend-wasm';
export const INSTALL = `Install it next to @tensorflow/tfjs-core: \`npm install ${PEER}@4.22\`.`;

/** Node (ESM and CJS), Vite and webpack wordings of "this package is not installed". */
const NOT_INSTALLED = /Cannot find (package|module)|ERR_MODULE_NOT_FOUND|MODULE_NOT_FOUND|Could not resolve|Failed to resolve|Module not found/;

export async function loadWasmPeer(importer: () => Promise<WasmPeerModule> = () => import('@tensorflow/tfjs-backend-wasm')): Promise<WasmPeerModule> {
  try {
    return await importer();
  } catch (cause) {
    const text = String(cause);
    const detail = NOT_INSTALLED.test(text)
      ? `the peer ${PEER} is not installed`
      : `the peer ${PEER} is installed but failed to load (${text.split('\n')[0]})`;
    throw new BackendUnavailableError('wasm', detail, INSTALL, { cause });
  }
}
