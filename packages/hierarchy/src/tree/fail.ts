// One place that throws the package's input errors (MgpInputError from @mgp/metrics).
import { MgpInputError } from '@mgp/metrics';

export function fail(fn: string, argument: string, detail: string): never {
  throw new MgpInputError(fn, argument, detail);
}

/** 'a', 'b', 'c' and 4 more: a short quoted list for messages. */
export function quoteList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).map((s) => `'${s}'`);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  return shown.join(', ') + more;
}
