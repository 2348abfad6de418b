// Bad-argument errors in @mgp's format (`fn: argument 'x' expected ..., got ...`).
// @mgp/metrics owns the MgpInputError class; adapters do not depend on @mgp/metrics, so this package throws a
// plain Error with the same name and message layout.

export function inputError(fn: string, argument: string, detail: string): Error {
  const error = new Error(`${fn}: argument '${argument}' ${detail}`);
  error.name = 'MgpInputError';
  return error;
}

/** Throws unless `value` is a positive integer (or absent when `optional`). */
export function checkPositiveInt(fn: string, argument: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw inputError(fn, argument, `must be a positive integer; got ${describe(value)}`);
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}
