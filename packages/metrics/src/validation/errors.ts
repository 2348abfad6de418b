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
}
