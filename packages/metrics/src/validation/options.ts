// Checks on plain option values.
import { describeValue } from './describe';
import { MgpInputError } from './errors';

export function assertOneOf<T extends string>(fn: string, arg: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new MgpInputError(fn, arg, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}; got ${describeValue(value)}`);
  }
}

interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound. */
  above?: number;
}

export function assertNumber(fn: string, arg: string, value: unknown, rule: NumberRule = {}): asserts value is number {
  const parts: string[] = [rule.integer ? 'an integer' : 'a finite number'];
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) throw new MgpInputError(fn, arg, `must be ${parts.join(' ')}; got ${describeValue(value)}`);
}
