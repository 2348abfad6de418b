import { InvalidArgumentError, Option } from 'commander';

/** Commander parser for an integer within bounds; the message says what was expected. */
export function intOption(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
      throw new InvalidArgumentError(`expected a whole number, got '${value}'.`);
    }
    if (n < min || n > max) {
      throw new InvalidArgumentError(
        max === Number.MAX_SAFE_INTEGER ? `expected a whole number ≥ ${min}, got ${n}.` : `expected ${min}…${max}, got ${n}.`,
      );
    }
    return n;
  };
}

/** Commander parser for a finite number ≥ `min`. */
export function numberOption(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a number, got '${value}'.`);
    if (n < min) throw new InvalidArgumentError(`expected a number ≥ ${min}, got ${n}.`);
    return n;
  };
}

/** Commander parser for one value of a fixed set. */
export function choiceOption<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}; got '${value}'.`);
    }
    return value as T;
  };
}

/** Commander parser for a comma-separated list of known ids (or 'all'), duplicates removed, order kept. */
export function listOption(known: readonly string[]): (value: string) => string[] {
  return (value) => {
    const items = value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    if (items.length === 1 && items[0] === 'all') return [...known];
    if (items.length === 0) throw new InvalidArgumentError(`expected a comma-separated list of ${known.join(', ')}.`);
    const unknown = items.filter((s) => !known.includes(s));
    if (unknown.length > 0) {
      throw new InvalidArgumentError(`unknown ${unknown.map((u) => `'${u}'`).join(', ')}; choose from ${known.join(', ')} (or 'all').`);
    }
    return [...new Set(items)];
  };
}

/** Commander parser for a comma-separated list of whole numbers within bounds. */
export function intListOption(min: number, max: number): (value: string) => number[] {
  const one = intOption(min, max);
  return (value) => [...new Set(value.split(',').map((s) => one(s.trim())))];
}

/** An option whose default is a list, shown in `--help` as `a,b,c` rather than JSON. */
export function listDefault<T>(flags: string, description: string, parse: (value: string) => T[], value: T[]): Option {
  return new Option(flags, description).argParser(parse).default(value, value.join(','));
}
