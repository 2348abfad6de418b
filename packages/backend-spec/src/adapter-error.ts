/** Thrown when an adapter cannot start its backend; the message says what to install or change. */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';

  constructor(
    readonly backend: string,
    detail: string,
    readonly remedy: string,
    options?: { cause?: unknown },
  ) {
    super(`@mgp/backend-${backend}: ${detail}. ${remedy}`, options);
  }
}
