// What a contract check is: a plain async function of `tf` (the '@tensorflow/tfjs' namespace, whatever backend is
// active) and the golden cases, returning numbers. It asserts nothing itself: ../judge.ts compares, with the
// tolerances of ../tolerances.ts, in Node for every backend, so the same check runs in Node and in Chromium.
import type * as tfNamespace from '@tensorflow/tfjs';
import type { Golden } from '@mgp/test-utils';

export type Tf = typeof tfNamespace;
export type { Golden };

/**
 * How a quantity is compared. 'value': a computation from fixed inputs (golden forward values, gradients);
 * 'trained': after optimizer steps (errors of several ops add up); 'exact': must be equal (save → load, leak
 * counts); 'finite': no NaN or Infinity, whatever the value.
 */
export type QuantityKind = 'value' | 'trained' | 'exact' | 'finite';

export interface Quantity {
  key: string;
  kind: QuantityKind;
  actual: number[];
  /** Unused for 'finite'. */
  expected: number[];
}

export interface CheckOutcome {
  quantities: Quantity[];
  /** Facts worth printing (e.g. the loss values of a step). */
  notes?: string[];
}

export interface ContractData {
  goldens: Array<[string, Golden]>;
}

export interface ContractCheck {
  /** 'group/name', unique. */
  name: string;
  /** The @mgp packages (and issue) whose public API the check exercises: named in failures. */
  uses: string;
  run(tf: Tf, data: ContractData): Promise<CheckOutcome>;
}
