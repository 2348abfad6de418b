// Parses one root-to-leaf path per class; a node is identified by its whole path, so names may repeat.
import { describeValue } from '@mgp/metrics';
import { resolveOptions } from './build';
import { fail } from './fail';
import type { RawTree } from './raw';

export function parsePaths(fn: string, paths: unknown, opts: unknown): RawTree {
  const { separator } = resolveOptions(fn, opts);
  if (!Array.isArray(paths)) fail(fn, 'paths', `must be an array of root-to-leaf paths; got ${describeValue(paths)}`);
  if (paths.length === 0) fail(fn, 'paths', 'must describe a non-empty tree; got no paths');
  const names: string[] = [];
  const parents: number[] = [];
  const byPrefix = new Map<string, number>();
  const leafRefs: string[] = [];
  paths.forEach((path: unknown, i: number) => {
    const segments = typeof path === 'string' ? path.split(separator) : path;
    if (!Array.isArray(segments) || segments.length === 0) {
      fail(fn, 'paths', `must hold non-empty paths (string arrays or '${separator}'-separated strings); got ${describeValue(path)} at index ${i}`);
    }
    let parent = -1;
    let key = '';
    segments.forEach((name: unknown, j: number) => {
      if (typeof name !== 'string' || name === '') {
        fail(fn, 'paths', `must hold non-empty names; got ${describeValue(name)} at paths[${i}][${j}]`);
      }
      key += `\u0000${name}`;
      let v = byPrefix.get(key);
      if (v === undefined) {
        v = names.length;
        byPrefix.set(key, v);
        names.push(name);
        parents.push(parent);
      }
      parent = v;
    });
    leafRefs.push(segments.join(separator));
  });
  return { names, parents, argument: 'paths', defaultLeaves: { refs: leafRefs, argument: 'paths' } };
}
