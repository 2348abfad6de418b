import { BackendUnavailableError } from '@mgp/backend-spec';
import { describe, expect, it } from 'vitest';
import { loadWebGLPeer } from './load-peer';

describe('loadWebGLPeer', () => {
  it('loads the installed peer', async () => {
    const peer = await loadWebGLPeer();
    expect(peer.version_webgl).toMatch(/^4\.22\./);
  });

  it('says how to install the peer when it is missing', async () => {
    const missing = () => Promise.reject(new Error("Cannot find package '@tensorflow/tfjs-backend-webgl' imported from /app"));
    const error = await loadWebGLPeer(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as Error).message).toBe(
      '@mgp/backend-webgl: the peer @tensorflow/tfjs-backend-webgl is not installed. ' +
        'Install it next to @tensorflow/tfjs-core: `npm install @tensorflow/tfjs-backend-webgl@4.22` (it also comes with @tensorflow/tfjs).',
    );
  });

  it('tells a broken install from a missing one', async () => {
    const broken = () => Promise.reject(new SyntaxError('Unexpected token'));
    await expect(loadWebGLPeer(broken)).rejects.toThrow('is installed but failed to load (SyntaxError: Unexpected token)');
  });
});
