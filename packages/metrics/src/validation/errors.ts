/**
 * The one error type of @mgp for bad arguments. Its message always names the function, the argument,
 * what was expected and what came, so a wrong call is fixed from the message alone.
 */
export class MgpInputError extends Error {
  override readonly name = 'MgpInputError';

  constructor(
    readonly fn: string,
    readonly argument: string,
    detail: string,
  ) {
    super(`${fn}: argument '${argument}' ${detail}`);
  }

  /**
   * Also true for an error of the same shape (name 'MgpInputError', string `fn` and `argument`) made elsewhere: by
   * a backend adapter (which does not depend on this package) or by a second copy of @mgp/metrics in node_modules.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (this !== MgpInputError || !(value instanceof Error) || value.name !== 'MgpInputError') return false;
    const fields = value as Error & { fn?: unknown; argument?: unknown };
    return typeof fields.fn === 'string' && typeof fields.argument === 'string';
  }
}
