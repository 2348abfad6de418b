import { describe, expect, it } from 'vitest';
import { MgpInputError } from '@mgp/metrics';
import { treeErrorCases } from './error-cases.test-support';

describe('tree validation errors', () => {
  it.each(treeErrorCases)('%s', (_name, call, message) => {
    let error: unknown;
    try {
      call();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MgpInputError);
    expect((error as Error).message.startsWith(message), `message: ${(error as Error).message}`).toBe(true);
  });
});
