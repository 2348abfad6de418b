// When the wasm backend cannot start, useBackend() says why and what to do.
import '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';

describe('useBackend failures', () => {
  it('names the missing peer and the install command', async () => {
    const { loadWasmPeer } = await import('./peer');
    const notFound = Object.assign(new Error("Cannot find package '@tensorflow/tfjs-backend-wasm' imported from /app/x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const failure = loadWasmPeer(() => Promise.reject(notFound));
    await expect(failure).rejects.toThrow(
      '@mgp/backend-wasm: the peer @tensorflow/tfjs-backend-wasm is not installed. Install it next to @tensorflow/tfjs-core: `npm install @tensorflow/tfjs-backend-wasm@4.22`.',
    );
    await expect(failure).rejects.toHaveProperty('name', 'BackendUnavailableError');
  });

  it('says the peer is installed but broken when importing it throws', async () => {
    vi.resetModules();
    vi.doMock('@tensorflow/tfjs-backend-wasm', () => {
      throw new Error("Cannot find package '@tensorflow/tfjs-backend-wasm' imported from /app/index.js");
    });
    try {
      const { useBackend } = await import('./use-backend');
      const failure = useBackend();
      await expect(failure).rejects.toThrow('@mgp/backend-wasm: the peer @tensorflow/tfjs-backend-wasm is installed but failed to load');
      await expect(failure).rejects.toHaveProperty('name', 'BackendUnavailableError');
    } finally {
      vi.doUnmock('@tensorflow/tfjs-backend-wasm');
      vi.resetModules();
    }
  });

  it('says where it looked when the binaries are not where wasmPaths points', async () => {
    const { useBackend } = await import('./use-backend');
    const failure = useBackend({ wasmPaths: '/nonexistent/wasm/' });
    await expect(failure).rejects.toThrow(/failed to (start|initialize)/);
    await expect(failure).rejects.toThrow('at the wasmPaths given ("/nonexistent/wasm/")');
  });
});
