// Small builders for the quantities a check returns.
import { flat } from './numbers';
import type { CheckOutcome, ContractData, Golden, Quantity, QuantityKind } from './types';

type Nested = number | Nested[];

export function quantity(key: string, kind: QuantityKind, actual: number[], expected: Nested = []): Quantity {
  return { key, kind, actual, expected: flat(expected) };
}

/** Runs `fn` on every golden case and prefixes each key with the case name. */
export async function overCases(data: ContractData, fn: (g: Golden) => Promise<Quantity[]>): Promise<CheckOutcome> {
  const quantities: Quantity[] = [];
  for (const [name, g] of data.goldens) {
    for (const q of await fn(g)) quantities.push({ ...q, key: `${name}/${q.key}` });
  }
  return { quantities };
}
