import type { CliIo } from './io';

/** Captured stdout / stderr for command tests. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false },
    stderr: { write: (s: string) => ((err += s), true), isTTY: false },
    out: () => out,
    err: () => err,
  };
}
