// Every contract check, in the order they run on each backend.
import { costMetricsCheck } from './golden/cost-metrics';
import { deepNcmCheck } from './golden/deepncm';
import { distortionCheck } from './golden/distortion';
import { hierarchicalInferenceCheck, hxeCheck } from './golden/hierarchy';
import { prototypeLossesCheck } from './golden/losses';
import { prototypeLogitsCheck } from './golden/prototype-logits';
import { softLossesCheck } from './golden/soft-losses';
import { failedCallsCheck, noLeakDeepNcmCheck, noLeakHierarchyCheck, noLeakPrototypesCheck } from './no-leak';
import { saveLoadDeepNcmCheck, saveLoadPrototypesCheck } from './save-load';
import { hierarchicalSoftmaxStepCheck, hxeStepCheck } from './train/hierarchy-steps';
import { learntPrototypesStepCheck } from './train/learnt-prototypes';
import type { ContractCheck } from './types';

export const CONTRACT_CHECKS: readonly ContractCheck[] = [
  prototypeLogitsCheck,
  distortionCheck,
  prototypeLossesCheck,
  costMetricsCheck,
  softLossesCheck,
  hxeCheck,
  hierarchicalInferenceCheck,
  deepNcmCheck,
  learntPrototypesStepCheck,
  hierarchicalSoftmaxStepCheck,
  hxeStepCheck,
  saveLoadPrototypesCheck,
  saveLoadDeepNcmCheck,
  noLeakPrototypesCheck,
  noLeakDeepNcmCheck,
  noLeakHierarchyCheck,
  failedCallsCheck,
];

export function checkNamed(name: string): ContractCheck {
  const check = CONTRACT_CHECKS.find((c) => c.name === name);
  if (!check) throw new Error(`no contract check named '${name}'`);
  return check;
}

export type { CheckOutcome, ContractCheck, ContractData, Quantity, QuantityKind, Tf } from './types';
