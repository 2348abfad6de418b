import '@tensorflow/tfjs';
import { BackendUnavailableError } from '@mgp/backend-spec';
import { describe, expect, it } from 'vitest';
import { useBackend } from './index';

// Node has no WebGL: here the adapter must fail clearly. Its browser behaviour (WebGL2 through SwiftShader,
// float32 and forced float16, @mgp/scatter's kernels) is exercised in headless Chromium by tooling/contract.
describe('@mgp/backend-webgl in Node', () => {
  it('fails with an actionable error: no WebGL2 here, and which adapters to use instead', async () => {
    const error = await useBackend().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as Error).message).toBe(
      '@mgp/backend-webgl: WebGL2 is not available: this is not a browser (Node.js has no WebGL, and tfjs registers ' +
        'the webgl backend only in browsers). Use @mgp/backend-wasm (browsers and Node), @mgp/backend-cpu, or ' +
        '@mgp/backend-node in Node.',
    );
  });

  it('checks its options before anything else', async () => {
    await expect(useBackend({ precision: 16 } as never)).rejects.toThrow("useBackend: argument 'options' has unknown key(s) 'precision'");
  });
});
