// Loads the peer @tensorflow/tfjs-backend-webgl (importing it registers the 'webgl' backend in browsers).
import { BackendUnavailableError } from '@mgp/backend-spec';

export const WEBGL_PEER = '@tensorflow/tfjs-backend-webgl';
export const INSTALL_REMEDY = `Install it next to @tensorflow/tfjs-core: \`npm install ${WEBGL_PEER}@4.22\` (it also comes with @tensorflow/tfjs).`;

export interface WebGLPeer {
  version_webgl: string;
}

/** `load` is the import of the peer; tests pass a failing one. */
export async function loadWebGLPeer(load: () => Promise<WebGLPeer> = () => import('@tensorflow/tfjs-backend-webgl')): Promise<WebGLPeer> {
  try {
    return await load();
  } catch (cause) {
    const text = String(cause);
    const missing = /Cannot find|ERR_MODULE_NOT_FOUND|Could not resolve|Failed to (resolve|fetch|load)/.test(text);
    const detail = missing
      ? `the peer ${WEBGL_PEER} is not installed`
      : `the peer ${WEBGL_PEER} is installed but failed to load (${text.split('\n')[0]})`;
    throw new BackendUnavailableError('webgl', detail, INSTALL_REMEDY, { cause });
  }
}
