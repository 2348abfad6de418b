// Without its peer the adapter says which package is missing and how to install it, as every adapter does.
import { BackendUnavailableError } from '@mgp/backend-spec';
import { expect, it, vi } from 'vitest';

vi.mock('@tensorflow/tfjs-backend-cpu', () => {
  throw new Error("Cannot find package '@tensorflow/tfjs-backend-cpu'");
});

it('throws BackendUnavailableError naming the peer and the install command', async () => {
  const { useBackend } = await import('./index');
  const error = await useBackend().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackendUnavailableError);
  expect((error as Error).message).toMatch(/^@mgp\/backend-cpu: the peer @tensorflow\/tfjs-backend-cpu is not installed\. Install it with `npm install @tensorflow\/tfjs-backend-cpu@4\.22`/);
});
