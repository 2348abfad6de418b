// Bad-argument errors in @mgp's format (`fn: argument 'x' expected ..., got ...`), from @mgp/backend-spec.
import { adapterInputError } from '@mgp/backend-spec';

export const inputError = adapterInputError;

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
