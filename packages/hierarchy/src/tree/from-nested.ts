// Parses the nested-JSON form ({ "root": [{ "animal": ["cat", "dog"] }, "plant"] }) or a data file ({ tree, leaves }).
import { describeValue } from '@mgp/metrics';
import { fail } from './fail';
import type { RawTree } from './raw';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseNested(fn: string, input: unknown): RawTree {
  let json = input;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch (e) {
      fail(fn, 'json', `must be valid JSON text; ${(e as Error).message}`);
    }
  }
  let argument = 'json';
  let defaultLeaves: RawTree['defaultLeaves'];
  if (isPlainObject(json) && isPlainObject(json.tree) && 'leaves' in json) {
    defaultLeaves = { refs: json.leaves, argument: 'json.leaves' };
    json = json.tree;
    argument = 'json.tree';
  }
  if (isPlainObject(json)) {
    if (Object.keys(json).length === 0) fail(fn, argument, 'must describe a non-empty tree; got an empty object');
  } else if (Array.isArray(json)) {
    if (json.length === 0) fail(fn, argument, 'must describe a non-empty tree; got an empty array');
  } else {
    fail(fn, argument, `must be a nested tree such as { "root": [{ "animal": ["cat", "dog"] }, "plant"] }; got ${describeValue(json)}`);
  }

  const names: string[] = [];
  const parents: number[] = [];
  const seen = new Set<object>();
  // Stack of [value, parent index, location]; children pushed in reverse so indices follow source order.
  const stack: Array<[unknown, number, string]> = [];
  const pushList = (list: readonly unknown[], parent: number, where: string) => {
    for (let i = list.length - 1; i >= 0; i--) stack.push([list[i], parent, `${where}[${i}]`]);
  };
  if (Array.isArray(json)) pushList(json, -1, argument);
  else stack.push([json, -1, argument]);

  while (stack.length > 0) {
    const [value, parent, where] = stack.pop() as [unknown, number, string];
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      names.push(String(value));
      parents.push(parent);
      continue;
    }
    if (!isPlainObject(value)) {
      fail(fn, argument, `must hold leaf names (strings) and { name: [children] } objects; got ${describeValue(value)} at ${where}`);
    }
    if (seen.has(value)) fail(fn, argument, `must be a tree; the same object appears twice (at ${where})`);
    seen.add(value);
    const entries = Object.entries(value);
    if (entries.length === 0) fail(fn, argument, `must not hold empty objects; got {} at ${where}`);
    const nodes = entries.map(([name]) => {
      names.push(name);
      parents.push(parent);
      return names.length - 1;
    });
    // Process the object's keys in order: push them in reverse.
    for (let k = entries.length - 1; k >= 0; k--) {
      const [name, children] = entries[k];
      const at = `${where}.${name}`;
      if (Array.isArray(children)) {
        if (children.length === 0) fail(fn, argument, `must give '${name}' at least one child; got an empty list at ${at} (write a leaf as a plain string)`);
        if (seen.has(children)) fail(fn, argument, `must be a tree; the same array appears twice (at ${at})`);
        seen.add(children);
        pushList(children, nodes[k], at);
      } else if (isPlainObject(children)) {
        if (Object.keys(children).length === 0) fail(fn, argument, `must give '${name}' at least one child; got {} at ${at} (write a leaf as a plain string)`);
        stack.push([children, nodes[k], at]);
      } else {
        fail(fn, argument, `must give the children of '${name}' as an array or an object; got ${describeValue(children)} at ${at}`);
      }
    }
  }
  return { names, parents, argument, defaultLeaves };
}
