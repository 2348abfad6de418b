// Adapters do not depend on @mgp/metrics, yet their bad-option errors are MgpInputErrors to the user: the same
// message layout and `instanceof MgpInputError` from the installed @mgp/metrics.
import { MgpInputError } from '@mgp/metrics';
import { describe, expect, it } from 'vitest';

const adapters = {
  '@mgp/backend-wasm': () => import('@mgp/backend-wasm'),
  '@mgp/backend-webgl': () => import('@mgp/backend-webgl'),
} as const;

describe.each(Object.entries(adapters))('%s', (name, load) => {
  it('refuses an unknown option with an MgpInputError naming it, before starting anything', async () => {
    const { useBackend } = (await load()) as { useBackend: (options: unknown) => Promise<unknown> };
    const error = await useBackend({ notAnOption: true }).catch((e: unknown) => e);
    expect(error, name).toBeInstanceOf(MgpInputError);
    expect((error as MgpInputError).argument).toBe('options');
    expect((error as Error).message).toMatch(/^useBackend: argument 'options' has unknown key\(s\) 'notAnOption'/);
  });
});
