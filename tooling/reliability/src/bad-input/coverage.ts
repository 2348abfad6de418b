// What the bad-input table must cover, enumerated from the packages themselves: every exported function, every
// exported class's constructor and static methods, and every method on its prototype chain (up to tfjs's own
// base classes). A new export or method without a row (or a reasoned exemption here) fails the table's test.
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import * as core from '@mgp/core';
import * as hierarchy from '@mgp/hierarchy';
import * as metrics from '@mgp/metrics';

export const PACKAGES = { metrics, core, hierarchy } as const;

const NO_INPUT = 'takes no arguments';
const PRIVATE = 'private in TypeScript (not public API)';
const VIA_APPLY = 'tfjs-layers hook, reached through apply(); the #build and #call rows exercise it';
const NEVER_THROWS = 'total: describes or queries any value and never throws, by design';

/** Exports and methods that take no user input worth refusing, each with the reason. */
export const EXEMPT: Record<string, string> = {
  'metrics.MgpInputError': 'the error type itself',
  'metrics.describeValue': NEVER_THROWS,
  'metrics.arrayShape': NEVER_THROWS,
  'metrics.formatShape': 'formats a shape already known valid, for messages',
  'metrics.hasSegmentKernel': `${NEVER_THROWS} (an unknown kernel name answers false)`,
  'metrics.rememberSegmentLayout': 'cache hook for @mgp/scatter kernels: records a layout already validated',
  'metrics.buildSegmentLayout': 'documented precondition: ids already validated by readSegmentLayout / checkSegmentIds',
  'metrics.segmentView': 'shape arithmetic on a view already validated by readSegmentView',
  'metrics.segmentOutputShape': 'shape arithmetic on a view already validated by readSegmentView',
  'metrics.kernelMemoryBytes': NO_INPUT,
  'metrics.releaseKernelMemory': NO_INPUT,
  'core.kernelMemoryBytes': NO_INPUT,
  'core.releaseKernelMemory': NO_INPUT,
  'hierarchy.Hierarchy': 'private constructor: trees are built through the static factories',
  'hierarchy.Hierarchy.fromRaw': '@internal: used by fromWordNet on trees it parsed itself',
};

const METHOD_EXEMPT: Record<string, string> = {
  batchSums: 'protected: called by update() on checked input',
  result: NO_INPUT,
  reset: NO_INPUT,
  getConfig: NO_INPUT,
  getPrototypes: NO_INPUT,
  getPrototypesRegularizer: NO_INPUT,
  getClassMeans: NO_INPUT,
  costMatrix: NO_INPUT,
  nonRootNodes: NO_INPUT,
  ancestorTable: NO_INPUT,
  toNested: NO_INPUT,
  toJSON: NO_INPUT,
  toEdges: NO_INPUT,
  toEdgesText: NO_INPUT,
  prototypesVariable: PRIVATE,
  variables: PRIVATE,
  checkShape: PRIVATE,
  distances: PRIVATE,
  nodeDistance: PRIVATE,
  nodeList: PRIVATE,
  ancestorsOf: PRIVATE,
  lift: PRIVATE,
  checkLevel: PRIVATE,
};

const LAYER_HOOK_EXEMPT: Record<string, string> = {
  computeOutputShape: `${VIA_APPLY}; it is called after build() validated the shape`,
};

/** Prototypes where the walk up a class's chain stops: foreign base classes. */
function foreignPrototypes(): Set<object> {
  const regularizerBase = Object.getPrototypeOf(tfl.regularizers.l1l2({ l1: 0, l2: 0 }).constructor).prototype as object;
  return new Set<object>([Object.prototype, Error.prototype, tfl.layers.Layer.prototype, regularizerBase, tf.serialization.Serializable.prototype]);
}

function isClass(value: unknown): value is new (...args: never[]) => unknown {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

export interface Target {
  key: string;
  /** Why it needs no row, or null when it needs one. */
  exempt: string | null;
}

/** Every export, static and method the table must cover. */
export function enumerateTargets(): Target[] {
  const stop = foreignPrototypes();
  const out: Target[] = [];
  const add = (key: string, reason: string | null = null) => out.push({ key, exempt: EXEMPT[key] ?? reason });
  for (const [pkg, mod] of Object.entries(PACKAGES)) {
    for (const [name, value] of Object.entries(mod as Record<string, unknown>)) {
      if (typeof value !== 'function') continue;
      add(`${pkg}.${name}`);
      if (!isClass(value)) continue;
      for (const member of Object.getOwnPropertyNames(value)) {
        if (['length', 'name', 'prototype', 'className'].includes(member)) continue;
        if (typeof (value as unknown as Record<string, unknown>)[member] === 'function') add(`${pkg}.${name}.${member}`);
      }
      const isLayer = value.prototype instanceof tfl.layers.Layer;
      for (let proto = value.prototype as object; proto && !stop.has(proto); proto = Object.getPrototypeOf(proto)) {
        for (const member of Object.getOwnPropertyNames(proto)) {
          const descriptor = Object.getOwnPropertyDescriptor(proto, member);
          if (member === 'constructor' || !descriptor || typeof descriptor.value !== 'function') continue;
          const key = `${pkg}.${name}#${member}`;
          if (out.some((t) => t.key === key)) continue;
          add(key, METHOD_EXEMPT[member] ?? (isLayer ? (LAYER_HOOK_EXEMPT[member] ?? null) : null));
        }
      }
    }
  }
  return out;
}
