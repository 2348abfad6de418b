// Bad options given to an adapter, in the format of every @mgp bad-argument error (`fn: argument 'x' <detail>`).
// Adapters do not depend on @mgp/metrics, which owns the MgpInputError class; an error of this shape (name, fn,
// argument) passes `instanceof MgpInputError` all the same.

export interface AdapterInputError extends Error {
  readonly name: 'MgpInputError';
  readonly fn: string;
  readonly argument: string;
}

export function adapterInputError(fn: string, argument: string, detail: string): AdapterInputError {
  const error = new Error(`${fn}: argument '${argument}' ${detail}`) as Error & { fn: string; argument: string };
  error.name = 'MgpInputError';
  error.fn = fn;
  error.argument = argument;
  return error as AdapterInputError;
}
