import type { MethodSpec } from '../method-types';
import { deepNcmMethod } from './deepncm';
import { crossEntropyMethod, hxeMethod, softLabelsMethod } from './dense';
import { hierarchicalSoftmaxMethod } from './hierarchical-softmax';
import {
  fixedPrototypesMethod,
  freePrototypesMethod,
  guidedDistortionMethod,
  guidedRankMethod,
  hypersphericalMethod,
} from './prototypes';

/** Figure 1's methods, in the seed's order. */
export const FIGURE1_METHODS: MethodSpec[] = [
  crossEntropyMethod,
  freePrototypesMethod,
  guidedDistortionMethod,
  guidedRankMethod,
  fixedPrototypesMethod,
];

/** Every method the packages offer, for `mgp bench`. */
export const ALL_METHODS: MethodSpec[] = [
  crossEntropyMethod,
  softLabelsMethod,
  hxeMethod,
  hierarchicalSoftmaxMethod,
  freePrototypesMethod,
  guidedDistortionMethod,
  guidedRankMethod,
  fixedPrototypesMethod,
  hypersphericalMethod,
  deepNcmMethod,
];

export function methodById(id: string): MethodSpec {
  const method = ALL_METHODS.find((m) => m.id === id);
  if (!method) throw new Error(`unknown method '${id}'`);
  return method;
}

/** `--help` text listing the methods. */
export function describeMethods(methods: MethodSpec[]): string {
  const width = Math.max(...methods.map((m) => m.id.length));
  return methods.map((m) => `  ${m.id.padEnd(width)}  ${m.description}`).join('\n');
}
